// SPDX-License-Identifier: GPL-2.0
/*
 * Warden root-cell driver: the Linux side of the hypervisor.
 *
 * It owns /dev/warden, through which the warden CLI manages the hypervisor
 * and its cells; reading it returns the hypervisor's console.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/reboot.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "cell.h"
#include "vpci.h"
#include "warden.h"

struct warden_state warden = {
	.lock = __MUTEX_INITIALIZER(warden.lock),
};
struct device *warden_dev;

static long warden_ioctl_hypercall(struct warden_hypercall __user *uarg)
{
	struct warden_hypercall hc;
	long err = 0;

	if (copy_from_user(&hc, uarg, sizeof(hc)))
		return -EFAULT;
	if (hc.imm != WARDEN_HVC_IMM && hc.imm != 0 && hc.imm != WARDEN_HC_SMC)
		return -EINVAL;
	mutex_lock(&warden.lock);
	/* Without the hypervisor, hvc #0x4a48 would reach Linux' stub. */
	if (!warden.enabled)
		err = -ENODEV;
	else if (hc.imm == WARDEN_HC_SMC)
		hc.result = warden_smc_call(hc.code, hc.arg1, hc.arg2);
	else if (hc.imm)
		hc.result = warden_hypercall(hc.code, hc.arg1, hc.arg2);
	else
		hc.result = warden_stub_call(hc.code, hc.arg1);
	mutex_unlock(&warden.lock);
	if (!err && copy_to_user(uarg, &hc, sizeof(hc)))
		err = -EFAULT;
	return err;
}

/*
 * The ivshmem devices go with the hypervisor: a process still mapping their
 * registers would write into nothing after, so disable waits for them to
 * be closed, and no new open gets in between.
 */
static long warden_ioctl_disable(void)
{
	long err;
	int users;

	if (warden.enabled) {
		users = warden_ivshmem_quiesce();
		if (users) {
			pr_err("warden: %d ivshmem UIO device(s) are open "
			       "(/dev/uio*): stop their users (e.g. "
			       "ivshmem-demo) before disabling\n",
			       users);
			return -EBUSY;
		}
		/* as Jailhouse's driver: cells go first */
		if (warden_cell_destroy_all()) {
			warden_ivshmem_unquiesce();
			return -EBUSY;
		}
	}
	err = warden_disable();
	warden_ivshmem_unquiesce();
	return err;
}

static long warden_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case WARDEN_IOCTL_GET_VERSION:
		return WARDEN_ABI_VERSION;
	case WARDEN_IOCTL_ENABLE:
		return warden_enable((const void __user *)arg);
	case WARDEN_IOCTL_HYPERCALL:
		return warden_ioctl_hypercall((void __user *)arg);
	case WARDEN_IOCTL_CONSOLE_CELL:
		return warden_console_select(file, (const void __user *)arg);
	case WARDEN_IOCTL_CONSOLE_MIRROR:
		return warden_console_mirror(file, arg);
	case JAILHOUSE_DISABLE:
		return warden_ioctl_disable();
	case JAILHOUSE_CELL_CREATE:
		return warden_cell_create((const void __user *)arg);
	case JAILHOUSE_CELL_LOAD:
		return warden_cell_load((const void __user *)arg);
	case JAILHOUSE_CELL_START:
		return warden_cell_start((const void __user *)arg);
	case JAILHOUSE_CELL_DESTROY:
		return warden_cell_destroy((const void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static ssize_t warden_read(struct file *file, char __user *buf, size_t count,
			   loff_t *pos)
{
	return warden_console_read(file, pos, buf, count);
}

static ssize_t warden_write(struct file *file, const char __user *buf,
			    size_t count, loff_t *pos)
{
	return warden_console_write(file, buf, count);
}

static const struct file_operations warden_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = warden_ioctl,
	.compat_ioctl = warden_ioctl,
	.open = warden_console_open,
	.release = warden_console_release,
	.read = warden_read,
	.write = warden_write,
	.llseek = noop_llseek,
};

static struct miscdevice warden_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "warden",
	.fops = &warden_fops,
	.mode = 0600,
};

/* A reboot or kexec with the hypervisor in place would hang or crash. */
static int warden_reboot(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	if (warden.enabled) {
		warden_cell_destroy_all();
		warden_disable();
	}
	return NOTIFY_DONE;
}

static struct notifier_block warden_reboot_nb = {
	.notifier_call = warden_reboot,
};

static int __init warden_init(void)
{
	int err = misc_register(&warden_misc);

	if (err) {
		pr_err("warden: cannot register /dev/warden: %d\n", err);
		return err;
	}
	warden_dev = warden_misc.this_device;
	err = warden_sysfs_init();
	if (err) {
		pr_err("warden: cannot create /sys/devices/warden: %d\n", err);
		misc_deregister(&warden_misc);
		return err;
	}
	err = warden_ivshmem_init();
	if (err) {
		pr_err("warden: cannot register the ivshmem driver: %d\n", err);
		warden_sysfs_exit();
		misc_deregister(&warden_misc);
		return err;
	}
	err = warden_ivnet_init();
	if (err) {
		pr_err("warden: cannot register the ivshmem-net driver: %d\n",
		       err);
		warden_ivshmem_exit();
		warden_sysfs_exit();
		misc_deregister(&warden_misc);
		return err;
	}
	register_reboot_notifier(&warden_reboot_nb);
	warden.in_cell = of_machine_is_compatible("warden,linux-cell");
	if (warden.in_cell)
		pr_info("warden: driver %s loaded in a Linux cell: no "
			"hypervisor to enable here; it drives the cell's "
			"ivshmem devices (uio_ivshmem)\n",
			WARDEN_VERSION);
	else
		pr_info("warden: driver %s loaded\n", WARDEN_VERSION);
	return 0;
}

static void __exit warden_exit(void)
{
	unregister_reboot_notifier(&warden_reboot_nb);
	/* unreachable while enabled (the module is held), kept for safety */
	warden_vpci_remove();
	warden_ivnet_exit();
	warden_ivshmem_exit();
	warden_sysfs_exit();
	misc_deregister(&warden_misc);
	kfree(warden.last_console);
	pr_info("warden: driver unloaded\n");
}

module_init(warden_init);
module_exit(warden_exit);

MODULE_DESCRIPTION("Warden static partitioning hypervisor: root-cell driver");
MODULE_LICENSE("GPL");
MODULE_VERSION(WARDEN_VERSION);
MODULE_FIRMWARE("warden.bin");
