// SPDX-License-Identifier: GPL-2.0
/*
 * Warden root-cell driver: the Linux side of the hypervisor.
 *
 * It owns /dev/warden, through which the warden CLI manages the hypervisor
 * and its cells.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

#include <warden/ioctl.h>

static long warden_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case WARDEN_IOCTL_GET_VERSION:
		return WARDEN_ABI_VERSION;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations warden_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = warden_ioctl,
	.compat_ioctl = warden_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice warden_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden",
	.fops = &warden_fops,
	.mode = 0600,
};

static int __init warden_init(void)
{
	int err = misc_register(&warden_misc);

	if (err) {
		pr_err("warden: cannot register /dev/warden: %d\n", err);
		return err;
	}
	pr_info("warden: driver %s loaded\n", WARDEN_VERSION);
	return 0;
}

static void __exit warden_exit(void)
{
	misc_deregister(&warden_misc);
	pr_info("warden: driver unloaded\n");
}

module_init(warden_init);
module_exit(warden_exit);

MODULE_DESCRIPTION("Warden static partitioning hypervisor: root-cell driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(WARDEN_VERSION);
MODULE_FIRMWARE("warden.bin");
