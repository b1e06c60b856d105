/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem-net, the protocol without the kernel: Jailhouse's virtual
 * Ethernet over an ivshmem v2 link of two peers (protocol VETH, 0x0001).
 *
 * Each peer's output section holds, from its start:
 *   a vring of qlen entries (vring_init, 64-byte alignment): the
 *     descriptor table and available ring of this peer's TX queue, and the
 *     used ring of its RX queue (the used rings are swapped, so that every
 *     field is written by the owner of the section it lies in);
 *   the frame area: TX frames, each at a 64-byte aligned offset, in a ring
 *     of bytes that wraps to its start when a frame does not fit at its end.
 * A descriptor's addr is the frame's offset from the start of the sender's
 * section, its len the frame's length, its flags 0; a used entry's len is
 * 1. Notifications use the event indexes (used_event, avail_event), a
 * doorbell to the peer when one is due.
 *
 * qlen and the frame area follow from the section size alone, so both
 * peers compute the same: the largest qlen of 4096, 2048, ... 64 whose
 * vring (aligned to 64) is smaller than an eighth of the section.
 *
 * Link states, written to the device's state register:
 *   RESET -> INIT   when the peer is below READY
 *   INIT  -> READY  when the peer has left RESET (own section initialised)
 *   READY -> RUN    when the peer is READY or RUN and the interface is up
 *   READY/RUN -> RESET  when the peer is back in RESET
 * The host unit tests (tests/unit/test_ivnet.c) build this file too.
 */
#ifndef WARDEN_DRIVER_IVNET_PROTO_H
#define WARDEN_DRIVER_IVNET_PROTO_H

#include <linux/types.h>
#include <linux/virtio_ring.h>

#ifdef __KERNEL__
#include <asm/barrier.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/string.h>
#define ivnet_store_release(p, v) virt_store_release(p, v)
#define ivnet_load_acquire(p) virt_load_acquire(p)
#define ivnet_mb() virt_mb()
#define ivnet_read_once(x) READ_ONCE(x)
#else
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#define ivnet_store_release(p, v) __atomic_store_n(p, v, __ATOMIC_RELEASE)
#define ivnet_load_acquire(p) __atomic_load_n(p, __ATOMIC_ACQUIRE)
#define ivnet_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define ivnet_read_once(x) (*(const volatile __typeof__(x) *)&(x))
#endif

#define IVNET_STATE_RESET 0
#define IVNET_STATE_INIT 1
#define IVNET_STATE_READY 2
#define IVNET_STATE_RUN 3

#define IVNET_VQ_ALIGN 64
#define IVNET_QLEN_MAX 4096
#define IVNET_QLEN_MIN 64
/* Ethernet header and FCS room, rounded to a cache line, as the peers do */
#define IVNET_FRAME_SIZE(len) ((((__u32)(len)) + 18 + 63) & ~63U)
#define IVNET_MIN_MTU 68

struct ivnet_geometry {
	__u32 qlen; /* vring entries */
	__u32 vrsize; /* bytes of the vring, the frame area's offset */
	__u32 qsize; /* bytes of the frame area */
};

/* -EINVAL: the section cannot hold a vring and four minimal frames. */
int ivnet_geometry(__u64 section_size, struct ivnet_geometry *g);

struct ivnet_queue {
	struct vring vr;
	__u8 *section; /* the section the descriptors' offsets count from */
	__u8 *data; /* its frame area */
	__u32 size; /* bytes of the frame area */
	__u32 head, tail; /* TX: next frame goes at head, oldest is at tail */
	__u16 free_head; /* TX: first free descriptor */
	__u16 num_free; /* TX: free descriptors */
	__u16 num_added; /* TX: published since the last kick */
	__u16 last_avail; /* TX: next avail slot; RX: next avail to read */
	__u16 last_used; /* TX: next used to reclaim; RX: next used to write */
};

/*
 * Sets both queues up on the two sections and clears the own one (only
 * the own section is ever written).
 */
void ivnet_queues_init(struct ivnet_queue *tx, struct ivnet_queue *rx,
		       void *own, void *peer, const struct ivnet_geometry *g);

/* Bytes the next frame can take contiguously. */
__u32 ivnet_tx_space(const struct ivnet_queue *tx);
/* Room for two more frames of the MTU: the queue may stay awake. */
bool ivnet_tx_ok(const struct ivnet_queue *tx, __u32 mtu);
/*
 * Takes a descriptor and room for len bytes; returns where the frame goes
 * (NULL: no room). ivnet_tx_publish() hands it to the peer.
 */
void *ivnet_tx_alloc(struct ivnet_queue *tx, __u32 len, __u16 *desc);
void ivnet_tx_publish(struct ivnet_queue *tx, __u16 desc);
/* After publishing: is a doorbell due (the peer's avail_event)? */
bool ivnet_tx_kick_due(struct ivnet_queue *tx);
/*
 * Takes back the frames the peer used. Returns their number, or -EIO when
 * the peer's used ring names a descriptor or frame we did not send.
 */
int ivnet_tx_clean(struct ivnet_queue *tx);
/* Asks for a doorbell when the peer uses the next frame. */
void ivnet_tx_arm(struct ivnet_queue *tx);

/*
 * The next frame the peer sent: 1 with *data, *len and *desc set, 0 when
 * there is none, -EIO when the peer's ring or descriptor is out of bounds.
 */
int ivnet_rx_next(struct ivnet_queue *rx, const void **data, __u32 *len,
		  __u16 *desc);
/* Gives a frame back to the peer. */
void ivnet_rx_done(struct ivnet_queue *rx, __u16 desc);
/* After giving num frames back: is a doorbell due (the peer's used_event)? */
bool ivnet_rx_kick_due(struct ivnet_queue *rx, unsigned int num);
/* Asks for a doorbell with the peer's next frame. */
void ivnet_rx_arm(struct ivnet_queue *rx);
bool ivnet_rx_pending(struct ivnet_queue *rx);

/* What the driver does besides writing the new state. */
#define IVNET_DO_INIT_QUEUES 0x1 /* before the state becomes READY */
#define IVNET_DO_RUN 0x2 /* start (RUN) if the interface is up */
#define IVNET_DO_STOP 0x4 /* stop the queues, the state is RESET */

/* The own state after seeing the peer's; *actions says what to do. */
__u32 ivnet_state_next(__u32 own, __u32 peer, unsigned int *actions);

#endif
