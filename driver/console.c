// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's console ring, read through /dev/warden. Each open file
 * has its own position (a count of bytes ever written), so "warden
 * console" shows everything and "warden console -f" only what is new.
 * After disable or a failed enable the last ring is kept, so the reason
 * for a failure can still be read.
 */
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "cell.h"
#include "warden.h"

/* What an open /dev/warden reads: the hypervisor's ring or a cell's. */
struct warden_file {
	int cell; /* 0: the hypervisor's console */
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
};

int warden_console_open(struct inode *inode, struct file *file)
{
	struct warden_file *wf = kzalloc(sizeof(*wf), GFP_KERNEL);

	if (!wf)
		return -ENOMEM;
	file->private_data = wf;
	return 0;
}

int warden_console_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* WARDEN_IOCTL_CONSOLE_CELL: from now on this file is the cell's console. */
long warden_console_select(struct file *file, const void __user *uarg)
{
	struct warden_file *wf = file->private_data;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	int id;
	long err = warden_cell_console_find(uarg, &id, name);

	if (err)
		return err;
	if (warden.console_size <
	    WARDEN_CONSOLE_CELL_OFFSET +
		    WARDEN_CONSOLE_CELLS * WARDEN_CONSOLE_CELL_SLOT) {
		pr_err("warden: this hypervisor keeps no console for cells\n");
		return -ENODEV;
	}
	wf->cell = id;
	memcpy(wf->name, name, sizeof(name));
	file->f_pos = 0;
	return 0;
}

/*
 * Copies a consistent snapshot of ring into a kmalloc'ed ring. The ring
 * is the hypervisor's memory, read-only here: its size is read once,
 * checked, and the copy keeps that size whatever it read.
 */
static struct warden_console_ring *
ring_snapshot(const struct warden_console_ring *ring)
{
	u32 size = READ_ONCE(ring->size);
	struct warden_console_ring *copy;
	size_t bytes;
	int tries;
	u32 seq;

	if (READ_ONCE(ring->magic) != WARDEN_CONSOLE_MAGIC || !size ||
	    size & (size - 1) || size > SZ_64K)
		return NULL;
	bytes = sizeof(*ring) + size;
	copy = kmalloc(bytes, GFP_KERNEL);
	if (!copy)
		return NULL;
	for (tries = 0; tries < 1000; tries++) {
		seq = READ_ONCE(ring->seq);
		if (seq & 1) {
			cpu_relax();
			continue;
		}
		smp_rmb();
		memcpy(copy, ring, bytes);
		smp_rmb();
		if (READ_ONCE(ring->seq) == seq)
			goto out;
	}
	/*
	 * A writer mid-line all along (printing waits for the UART): the
	 * text is still worth showing, torn or not, but it must be copied.
	 */
	memcpy(copy, ring, bytes);
out:
	copy->size = size;
	return copy;
}

void warden_console_save(void)
{
	struct warden_console_ring *copy;

	if (!warden.console)
		return;
	copy = ring_snapshot(warden.console);
	if (!copy)
		return;
	kfree(warden.last_console);
	warden.last_console = copy;
}

static struct warden_console_ring *cell_ring(int id)
{
	return (void *)warden.console + WARDEN_CONSOLE_CELL_OFFSET +
	       (id - 1) * WARDEN_CONSOLE_CELL_SLOT;
}

ssize_t warden_console_read(struct file *file, loff_t *pos, char __user *buf,
			    size_t count)
{
	struct warden_file *wf = file->private_data;
	struct warden_console_ring *snap = NULL;
	ssize_t done = 0;
	u32 tail, from;

	mutex_lock(&warden.lock);
	if (wf->cell) {
		/* the ring of a destroyed cell may be the next one's */
		if (!warden.console || !warden_cell_is(wf->cell, wf->name)) {
			mutex_unlock(&warden.lock);
			return -ENOENT;
		}
		snap = ring_snapshot(cell_ring(wf->cell));
	} else if (warden.console) {
		snap = ring_snapshot(warden.console);
	} else if (warden.last_console) {
		snap = ring_snapshot(warden.last_console);
	}
	mutex_unlock(&warden.lock);
	if (!snap)
		return 0;

	tail = snap->tail;
	/* A new hypervisor starts its ring over. */
	if (*pos > tail)
		*pos = 0;
	from = *pos;
	if (tail - from > snap->size)
		from = tail - snap->size;
	while (from != tail && done < count) {
		u32 idx = from & (snap->size - 1);
		size_t n = min_t(size_t, snap->size - idx, tail - from);

		n = min_t(size_t, n, count - done);
		if (copy_to_user(buf + done, snap->buf + idx, n)) {
			kfree(snap);
			return -EFAULT;
		}
		done += n;
		from += n;
	}
	*pos = from;
	kfree(snap);
	return done;
}

static u64 pack_bytes(const char *s, size_t n)
{
	u64 v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v |= (u64)(u8)s[i] << (8 * i);
	return v;
}

/*
 * Input for the cell this file is the console of, 8 bytes a hypercall.
 * When the cell's FIFO is full, waits for it to read, up to a second;
 * returns what went, or -EAGAIN if nothing did.
 */
ssize_t warden_console_write(struct file *file, const char __user *buf,
			     size_t count)
{
	struct warden_file *wf = file->private_data;
	unsigned int waited = 0;
	size_t done = 0;
	char chunk[8];
	long ret;

	if (!wf->cell) {
		pr_err("warden: the hypervisor's console takes no input: "
		       "choose a cell (warden console --cell NAME)\n");
		return -EINVAL;
	}
	while (done < count) {
		size_t n = min_t(size_t, count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? done : -EFAULT;
		mutex_lock(&warden.lock);
		if (!warden.enabled || !warden_cell_is(wf->cell, wf->name))
			ret = -ENOENT;
		else
			ret = warden_hypercall(WARDEN_HC_CONSOLE_INPUT,
					       wf->cell | (u64)n << 32,
					       pack_bytes(chunk, n));
		mutex_unlock(&warden.lock);
		if (ret == -ENOENT) {
			pr_err("warden: cell \"%s\" was destroyed: its console "
			       "takes no input\n",
			       wf->name);
			return done ? done : -ENOENT;
		}
		if (ret == -EPERM) {
			pr_err("warden: cell \"%s\" has no virtual console: "
			       "its config lacks "
			       "JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED\n",
			       wf->name);
			return done ? done : -EPERM;
		}
		if (ret < 0)
			return done ? done : ret;
		if (ret == 0) {
			/* the cell has not read what waits: give it time */
			if (++waited > 50 || signal_pending(current))
				return done ? done : -EAGAIN;
			msleep(20);
			continue;
		}
		waited = 0;
		done += ret;
	}
	return done;
}

/* WARDEN_IOCTL_CONSOLE_MIRROR: the cell's lines on the UART or not. */
long warden_console_mirror(struct file *file, unsigned long on)
{
	struct warden_file *wf = file->private_data;
	long ret;

	if (!wf->cell || on > 1)
		return -EINVAL;
	mutex_lock(&warden.lock);
	if (!warden.enabled || !warden_cell_is(wf->cell, wf->name))
		ret = -ENOENT;
	else
		ret = warden_hypercall(WARDEN_HC_CONSOLE_MIRROR, wf->cell, on);
	mutex_unlock(&warden.lock);
	return ret;
}
