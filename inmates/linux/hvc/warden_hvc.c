// SPDX-License-Identifier: GPL-2.0
/*
 * warden_hvc: the console of a Linux kernel running in a Warden cell,
 * built for the stock kernel the cell runs (Debian's has HVC_DRIVER but
 * no HVC_DCC). It is /dev/hvc0 and the kernel console "hvc0": what the
 * cell writes goes by hypercall (WARDEN_HC_CONSOLE_WRITE, 8 bytes each)
 * into the cell's ring, which the root reads with "warden console --cell
 * NAME", and onto the hypervisor's console; what the root sends
 * ("warden console --cell NAME -i") comes back by WARDEN_HC_CONSOLE_READ,
 * polled by the hvc layer (no interrupt: 10 ms while typing, up to 2 s
 * when idle). At load it copies the kernel log so far into the cell's
 * ring alone (the UART had it by earlycon). See docs/cells.md.
 */
#include <linux/console.h>
#include <linux/kmsg_dump.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/tty.h>

#include <warden/hypercall.h>

/*
 * The hvc layer's interface (drivers/tty/hvc/hvc_console.h, not part of
 * a distribution's kernel headers), as in Linux 6.1; the members after
 * put_chars stay NULL.
 */
struct hvc_struct;
struct hv_ops {
	int (*get_chars)(uint32_t vtermno, char *buf, int count);
	int (*put_chars)(uint32_t vtermno, const char *buf, int count);
	int (*flush)(uint32_t vtermno, bool wait);
	int (*notifier_add)(struct hvc_struct *hp, int irq);
	void (*notifier_del)(struct hvc_struct *hp, int irq);
	void (*notifier_hangup)(struct hvc_struct *hp, int irq);
	int (*tiocmget)(struct hvc_struct *hp);
	int (*tiocmset)(struct hvc_struct *hp, unsigned int set,
			unsigned int clear);
	void (*dtr_rts)(struct hvc_struct *hp, int raise);
};
int hvc_instantiate(uint32_t vtermno, int index, const struct hv_ops *ops);
struct hvc_struct *hvc_alloc(uint32_t vtermno, int data,
			     const struct hv_ops *ops, int outbuf_size);
int hvc_remove(struct hvc_struct *hp);

static long warden_hc(unsigned long code, unsigned long *x1, unsigned long x2)
{
	register unsigned long r0 asm("x0") = code;
	register unsigned long r1 asm("x1") = *x1;
	register unsigned long r2 asm("x2") = x2;

	asm volatile("hvc #" __stringify(WARDEN_HVC_IMM)
		     : "+r"(r0), "+r"(r1), "+r"(r2)
		     :
		     : "memory");
	*x1 = r1;
	return r0;
}

static int write_bytes(const char *buf, int count, unsigned long flags)
{
	int done = 0;

	while (done < count) {
		int n = min(count - done, 8), i;
		unsigned long v = 0;

		for (i = 0; i < n; i++)
			v |= (unsigned long)(u8)buf[done + i] << (8 * i);
		if (warden_hc(WARDEN_HC_CONSOLE_WRITE, &v, n | flags) < 0)
			break;
		done += n;
	}
	/* a refused write is dropped, never retried forever */
	return count;
}

static int put_chars(uint32_t vtermno, const char *buf, int count)
{
	return write_bytes(buf, count, 0);
}

static int get_chars(uint32_t vtermno, char *buf, int count)
{
	unsigned long v = 0;
	long n = warden_hc(WARDEN_HC_CONSOLE_READ, &v, 0);
	int i;

	if (n <= 0)
		return 0;
	n = min_t(long, n, count);
	for (i = 0; i < n; i++)
		buf[i] = v >> (8 * i);
	return n;
}

static const struct hv_ops warden_hv_ops = {
	.get_chars = get_chars,
	.put_chars = put_chars,
};

static struct hvc_struct *hvc;

/* The kernel log so far into the cell's ring (not again on the UART). */
static void copy_log(void)
{
	struct kmsg_dump_iter iter;
	size_t len;
	char *line = kmalloc(1024, GFP_KERNEL);

	if (!line)
		return;
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, 1024, &len))
		write_bytes(line, len, WARDEN_CONSOLE_RING_ONLY);
	kfree(line);
}

static int __init warden_hvc_init(void)
{
	unsigned long v = 0;
	long ret = warden_hc(WARDEN_HC_CONSOLE_READ, &v, 0);

	/* not in a Warden cell, or one without a virtual console */
	if (ret < 0) {
		pr_err("warden_hvc: no virtual console from the hypervisor "
		       "(%ld): the cell config needs "
		       "JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED\n",
		       ret);
		return -ENODEV;
	}
	copy_log();
	/* console "hvc0" (console=hvc0 makes it the kernel's) and the tty */
	hvc_instantiate(0, 0, &warden_hv_ops);
	hvc = hvc_alloc(0, 0, &warden_hv_ops, 128);
	if (IS_ERR(hvc))
		return PTR_ERR(hvc);
	pr_info("warden_hvc: /dev/hvc0 is the cell's console, readable from "
		"the root by 'warden console --cell NAME'\n");
	return 0;
}

static void __exit warden_hvc_exit(void)
{
	hvc_remove(hvc);
}

module_init(warden_hvc_init);
module_exit(warden_hvc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Console of a Linux kernel in a Warden cell");
