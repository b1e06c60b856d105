// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's console ring, read through /dev/warden. Each open file
 * has its own position (a count of bytes ever written), so "warden
 * console" shows everything and "warden console -f" only what is new.
 * After disable or a failed enable the last ring is kept, so the reason
 * for a failure can still be read.
 */
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "warden.h"

/* Copies a consistent snapshot of ring into a kmalloc'ed ring. */
static struct warden_console_ring *
ring_snapshot(const struct warden_console_ring *ring)
{
	size_t bytes = sizeof(*ring) + ring->size;
	struct warden_console_ring *copy;
	int tries;
	u32 seq;

	if (ring->magic != WARDEN_CONSOLE_MAGIC || !ring->size ||
	    ring->size & (ring->size - 1) || ring->size > SZ_64K)
		return NULL;
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
			return copy;
	}
	/* A writer stuck mid-line: the text is still worth showing. */
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

ssize_t warden_console_read(loff_t *pos, char __user *buf, size_t count)
{
	struct warden_console_ring *snap = NULL;
	ssize_t done = 0;
	u32 tail, from;

	mutex_lock(&warden.lock);
	if (warden.console)
		snap = ring_snapshot(warden.console);
	else if (warden.last_console)
		snap = ring_snapshot(warden.last_console);
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
