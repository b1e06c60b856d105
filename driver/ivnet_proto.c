// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net's ring and state logic (see ivnet_proto.h): no kernel
 * interfaces, so that the host unit tests run it as the driver does.
 * Everything read from the peer's section is read once and checked before
 * use: a peer can stall the link, never make us write outside our own
 * section or read outside its.
 */
#include "ivnet_proto.h"

int ivnet_geometry(__u64 section_size, struct ivnet_geometry *g)
{
	__u32 qlen, vrsize = 0;

	if (section_size > 0x7fffffffULL)
		return -EINVAL;
	/*
	 * As the peers compute it: without a fit the loop ends at qlen 32
	 * with the vring size of 64 entries, and that is what they use.
	 */
	for (qlen = IVNET_QLEN_MAX; qlen > IVNET_QLEN_MIN / 2; qlen >>= 1) {
		vrsize = vring_size(qlen, IVNET_VQ_ALIGN);
		vrsize = (vrsize + IVNET_VQ_ALIGN - 1) & ~(IVNET_VQ_ALIGN - 1);
		if (vrsize < section_size / 8)
			break;
	}
	if (vrsize > section_size || section_size - vrsize < 4 * IVNET_MIN_MTU)
		return -EINVAL;
	g->qlen = qlen;
	g->vrsize = vrsize;
	g->qsize = section_size - vrsize;
	return 0;
}

static void queue_init(struct ivnet_queue *q, void *section,
		       const struct ivnet_geometry *g)
{
	memset(q, 0, sizeof(*q));
	vring_init(&q->vr, g->qlen, section, IVNET_VQ_ALIGN);
	q->section = section;
	q->data = q->section + g->vrsize;
	q->size = g->qsize;
}

void ivnet_queues_init(struct ivnet_queue *tx, struct ivnet_queue *rx,
		       void *own, void *peer, const struct ivnet_geometry *g)
{
	struct vring_used *used;
	__u32 i;

	memset(own, 0, (size_t)g->vrsize + g->qsize);
	queue_init(tx, own, g);
	queue_init(rx, peer, g);
	/* a used ring is written by the receiver: it lives in its section */
	used = tx->vr.used;
	tx->vr.used = rx->vr.used;
	rx->vr.used = used;
	tx->num_free = g->qlen;
	for (i = 0; i + 1 < g->qlen; i++)
		tx->vr.desc[i].next = i + 1;
}

/* The event indexes behind the rings (virtio's VIRTIO_RING_F_EVENT_IDX). */
static __u16 *avail_event(struct vring *vr)
{
	return (__u16 *)(void *)&vr->used->ring[vr->num];
}

static __u16 *used_event(struct vring *vr)
{
	return &vr->avail->ring[vr->num];
}

/* Where a frame of len bytes starts if the next one is at pos. */
static __u32 frame_start(const struct ivnet_queue *q, __u32 pos, __u32 len)
{
	return q->size - pos < IVNET_FRAME_SIZE(len) ? 0 : pos;
}

__u32 ivnet_tx_space(const struct ivnet_queue *tx)
{
	if (tx->head < tx->tail)
		return tx->tail - tx->head;
	return tx->size - tx->head > tx->tail ? tx->size - tx->head : tx->tail;
}

bool ivnet_tx_ok(const struct ivnet_queue *tx, __u32 mtu)
{
	return tx->num_free >= 2 &&
	       ivnet_tx_space(tx) >= 2 * IVNET_FRAME_SIZE(mtu);
}

void *ivnet_tx_alloc(struct ivnet_queue *tx, __u32 len, __u16 *desc)
{
	__u32 frame = IVNET_FRAME_SIZE(len), start;
	struct vring_desc *d;

	if (!tx->num_free || len > tx->size || frame > tx->size)
		return NULL;
	start = frame_start(tx, tx->head, len);
	/*
	 * Frames in flight lie from tail to head (wrapping at the end): the
	 * new one must end before tail, strictly, or a full ring would look
	 * empty (head == tail).
	 */
	if (tx->num_free != tx->vr.num) {
		if (tx->head < tx->tail ?
			    start != tx->head || start + frame >= tx->tail :
			    start != tx->head && frame >= tx->tail)
			return NULL;
	}
	*desc = tx->free_head;
	d = &tx->vr.desc[*desc];
	tx->free_head = d->next;
	tx->num_free--;
	tx->head = start + frame;
	d->addr = (__u64)(tx->data - tx->section) + start;
	d->len = len;
	d->flags = 0;
	return tx->data + start;
}

void ivnet_tx_publish(struct ivnet_queue *tx, __u16 desc)
{
	tx->vr.avail->ring[tx->last_avail & (tx->vr.num - 1)] = desc;
	tx->last_avail++;
	tx->num_added++;
	ivnet_store_release(&tx->vr.avail->idx, tx->last_avail);
}

bool ivnet_tx_kick_due(struct ivnet_queue *tx)
{
	__u16 event, added = tx->num_added;

	if (!added)
		return false;
	tx->num_added = 0;
	ivnet_mb();
	event = ivnet_read_once(*avail_event(&tx->vr));
	return vring_need_event(event, tx->last_avail,
				(__u16)(tx->last_avail - added));
}

int ivnet_tx_clean(struct ivnet_queue *tx)
{
	__u16 used_idx = ivnet_load_acquire(&tx->vr.used->idx);
	__u32 num = tx->vr.num, id, start;
	struct vring_used_elem *e;
	struct vring_desc *d;
	int n = 0;

	while (tx->last_used != used_idx) {
		e = &tx->vr.used->ring[tx->last_used & (num - 1)];
		id = ivnet_read_once(e->id);
		if (id >= num || ivnet_read_once(e->len) != 1 ||
		    tx->num_free >= num)
			return -EIO;
		/* frames come back in the order they went */
		d = &tx->vr.desc[id];
		start = frame_start(tx, tx->tail, d->len);
		if (d->addr != (__u64)(tx->data - tx->section) + start)
			return -EIO;
		tx->tail = start + IVNET_FRAME_SIZE(d->len);
		d->next = tx->free_head;
		tx->free_head = id;
		tx->num_free++;
		tx->last_used++;
		n++;
	}
	return n;
}

void ivnet_tx_arm(struct ivnet_queue *tx)
{
	*used_event(&tx->vr) = tx->last_used;
	ivnet_mb();
}

int ivnet_rx_next(struct ivnet_queue *rx, const void **data, __u32 *len,
		  __u16 *desc)
{
	__u64 end = (__u64)(rx->data - rx->section) + rx->size, addr;
	__u32 num = rx->vr.num, id, dlen;
	struct vring_desc *d;

	if (ivnet_load_acquire(&rx->vr.avail->idx) == rx->last_avail)
		return 0;
	id = ivnet_read_once(rx->vr.avail->ring[rx->last_avail & (num - 1)]);
	if (id >= num)
		return -EIO;
	d = &rx->vr.desc[id];
	addr = ivnet_read_once(d->addr);
	dlen = ivnet_read_once(d->len);
	if (ivnet_read_once(d->flags) ||
	    addr < (__u64)(rx->data - rx->section) || addr >= end ||
	    dlen > end - addr)
		return -EIO;
	rx->last_avail++;
	*data = rx->section + addr;
	*len = dlen;
	*desc = id;
	return 1;
}

void ivnet_rx_done(struct ivnet_queue *rx, __u16 desc)
{
	struct vring_used_elem *e =
		&rx->vr.used->ring[rx->last_used & (rx->vr.num - 1)];

	e->id = desc;
	e->len = 1;
	rx->last_used++;
	ivnet_store_release(&rx->vr.used->idx, rx->last_used);
}

bool ivnet_rx_kick_due(struct ivnet_queue *rx, unsigned int num)
{
	__u16 event;

	if (!num)
		return false;
	ivnet_mb();
	event = ivnet_read_once(*used_event(&rx->vr));
	return vring_need_event(event, rx->last_used,
				(__u16)(rx->last_used - num));
}

void ivnet_rx_arm(struct ivnet_queue *rx)
{
	*avail_event(&rx->vr) = rx->last_avail;
	ivnet_mb();
}

bool ivnet_rx_pending(struct ivnet_queue *rx)
{
	ivnet_mb();
	return ivnet_read_once(rx->vr.avail->idx) != rx->last_avail;
}

__u32 ivnet_state_next(__u32 own, __u32 peer, unsigned int *actions)
{
	*actions = 0;
	switch (own) {
	case IVNET_STATE_RESET:
		/* a peer still READY or RUN has to see the RESET first */
		return peer < IVNET_STATE_READY ? IVNET_STATE_INIT : own;
	case IVNET_STATE_INIT:
		/* the peer left RESET: it no longer reads our old rings */
		if (peer == IVNET_STATE_RESET)
			return own;
		*actions = IVNET_DO_INIT_QUEUES;
		return IVNET_STATE_READY;
	case IVNET_STATE_READY:
	case IVNET_STATE_RUN:
		if (peer >= IVNET_STATE_READY) {
			*actions = IVNET_DO_RUN;
			return own;
		}
		if (peer == IVNET_STATE_RESET) {
			*actions = IVNET_DO_STOP;
			return IVNET_STATE_RESET;
		}
		return own;
	default:
		*actions = IVNET_DO_STOP;
		return IVNET_STATE_RESET;
	}
}
