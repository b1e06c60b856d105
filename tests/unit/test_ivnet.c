// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem-net's protocol logic (driver/ivnet_proto.c), run on the host as
 * the driver runs it: the geometry both peers derive from the section
 * size, frames through two sections in both directions (data ring and
 * 16-bit index wrap-around, a full ring never overwriting a frame in
 * flight), the event indexes that decide doorbells, a hostile peer's ring
 * refused, and the RESET/INIT/READY/RUN handshake to RUN and back after a
 * peer's reset.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../driver/ivnet_proto.c"

/* the net link's output sections in configs/arm64/qemu-virt.c */
#define SECTION 0x6f000

struct peer {
	__u8 *own;
	struct ivnet_geometry g;
	struct ivnet_queue tx, rx;
};

static void link_up(struct peer *a, struct peer *b, __u64 size)
{
	a->own = aligned_alloc(4096, size);
	b->own = aligned_alloc(4096, size);
	assert_non_null(a->own);
	assert_non_null(b->own);
	memset(a->own, 0xa5, size); /* old contents: init clears them */
	memset(b->own, 0x5a, size);
	assert_int_equal(ivnet_geometry(size, &a->g), 0);
	b->g = a->g;
	ivnet_queues_init(&a->tx, &a->rx, a->own, b->own, &a->g);
	ivnet_queues_init(&b->tx, &b->rx, b->own, a->own, &b->g);
}

static void link_down(struct peer *a, struct peer *b)
{
	free(a->own);
	free(b->own);
}

static void fill(__u8 *p, __u32 len, __u32 seq)
{
	__u32 i;

	for (i = 0; i < len; i++)
		p[i] = (__u8)(seq * 7 + i);
}

static int send(struct peer *p, __u32 len, __u32 seq)
{
	__u16 desc;
	__u8 *buf = ivnet_tx_alloc(&p->tx, len, &desc);

	if (!buf)
		return 0;
	/* inside the own frame area, 64-byte aligned */
	assert_true(buf >= p->tx.data && buf + len <= p->tx.data + p->tx.size);
	assert_int_equal((buf - p->own) % 64, 0);
	fill(buf, len, seq);
	ivnet_tx_publish(&p->tx, desc);
	return 1;
}

static int receive(struct peer *p, __u32 want_len, __u32 seq)
{
	const void *data;
	__u32 len, i;
	__u16 desc;
	int ret = ivnet_rx_next(&p->rx, &data, &len, &desc);

	if (ret <= 0)
		return ret;
	assert_int_equal(len, want_len);
	for (i = 0; i < len; i++)
		if (((const __u8 *)data)[i] != (__u8)(seq * 7 + i))
			fail_msg("frame %u byte %u overwritten in flight", seq,
				 i);
	ivnet_rx_done(&p->rx, desc);
	return 1;
}

static void geometry_as_the_peers_compute_it(void **state)
{
	struct ivnet_geometry g;

	(void)state;
	/* Jailhouse's JAILHOUSE_SHMEM_NET_REGIONS: 0x7f000 per section */
	assert_int_equal(ivnet_geometry(0x7f000, &g), 0);
	assert_int_equal(g.qlen, 2048);
	assert_int_equal(g.vrsize, 53376);
	assert_int_equal(g.qsize, 0x7f000 - 53376);
	assert_int_equal(ivnet_geometry(SECTION, &g), 0);
	assert_int_equal(g.qlen, 2048);
	assert_int_equal(g.vrsize, 53376);
	assert_int_equal(ivnet_geometry(0x1000000, &g), 0);
	assert_int_equal(g.qlen, 4096);
	/* no fit: qlen 32 with the vring size of 64 entries, as theirs */
	assert_int_equal(ivnet_geometry(0x2000, &g), 0);
	assert_int_equal(g.qlen, 32);
	assert_int_equal(g.vrsize, 1792);
	/* too small for four minimal frames, or no room at all */
	assert_int_equal(ivnet_geometry(1792 + 4 * 68 - 1, &g), -EINVAL);
	assert_int_equal(ivnet_geometry(0, &g), -EINVAL);
	assert_int_equal(ivnet_geometry(1ULL << 40, &g), -EINVAL);
}

static void vring_layout(void **state)
{
	struct peer a, b;

	(void)state;
	link_up(&a, &b, SECTION);
	/* own section: TX descriptors and avail ring, RX used ring */
	assert_ptr_equal(a.tx.vr.desc, (void *)a.own);
	assert_ptr_equal(a.tx.vr.avail, (void *)(a.own + 16 * 2048));
	assert_ptr_equal(
		a.rx.vr.used,
		(void *)(a.own + ((16 * 2048 + 6 + 2 * 2048 + 63) & ~63)));
	/* TX's used ring and RX's rings are in the peer's section */
	assert_ptr_equal(a.tx.vr.used, b.rx.vr.used);
	assert_ptr_equal(a.rx.vr.desc, b.tx.vr.desc);
	assert_ptr_equal(a.rx.vr.avail, b.tx.vr.avail);
	assert_ptr_equal(a.tx.data, a.own + 53376);
	/* cleared, the free list chained */
	assert_int_equal(a.tx.vr.avail->idx, 0);
	assert_int_equal(a.tx.vr.desc[0].next, 1);
	assert_int_equal(a.tx.num_free, 2048);
	assert_int_equal(a.own[SECTION - 1], 0);
	link_down(&a, &b);
}

static void frames_both_ways(void **state)
{
	struct peer a, b;
	__u32 seq, got = 0;

	(void)state;
	link_up(&a, &b, SECTION);
	/* past the 16-bit index wrap, sizes walking the data ring's end */
	for (seq = 0; seq < 70000; seq++) {
		__u32 len = 60 + (seq * 97) % 9000;

		assert_int_equal(send(&a, len, seq), 1);
		assert_int_equal(send(&b, len + 1, seq), 1);
		assert_int_equal(receive(&b, len, seq), 1);
		assert_int_equal(receive(&a, len + 1, seq), 1);
		assert_int_equal(ivnet_tx_clean(&a.tx), 1);
		assert_int_equal(ivnet_tx_clean(&b.tx), 1);
		got++;
	}
	assert_int_equal(got, 70000);
	assert_int_equal(a.tx.num_free, 2048);
	assert_int_equal(receive(&b, 0, 0), 0);
	link_down(&a, &b);
}

/* A slow receiver: the ring fills, nothing in flight is overwritten. */
static __u32 lens[1 << 20];

static void full_ring_keeps_frames(void **state)
{
	struct peer a, b;
	__u32 sent = 0, recvd = 0, round, n, len;

	(void)state;
	link_up(&a, &b, SECTION);
	srand(15);
	for (round = 0; round < 3000; round++) {
		n = rand() % 64;
		while (n-- && ivnet_tx_ok(&a.tx, 16000)) {
			lens[sent] = 14 + rand() % 16000;
			assert_int_equal(send(&a, lens[sent], sent), 1);
			sent++;
		}
		/* past tx_ok: refused before a frame in flight is hit */
		for (;;) {
			len = 14 + rand() % 16000;
			if (!send(&a, len, sent))
				break;
			lens[sent++] = len;
		}
		n = rand() % 64;
		while (n-- && recvd < sent) {
			assert_int_equal(receive(&b, lens[recvd], recvd), 1);
			recvd++;
		}
		assert_true(ivnet_tx_clean(&a.tx) >= 0);
	}
	assert_true(sent > 10000);
	while (recvd < sent) {
		assert_int_equal(receive(&b, lens[recvd], recvd), 1);
		recvd++;
	}
	assert_int_equal(ivnet_tx_clean(&a.tx) >= 0, 1);
	assert_int_equal(a.tx.num_free, 2048);
	link_down(&a, &b);
}

static void doorbells_by_event_index(void **state)
{
	struct peer a, b;
	__u32 seq = 0;

	(void)state;
	link_up(&a, &b, SECTION);
	/* a fresh link: the first frame rings */
	send(&a, 100, seq++);
	assert_true(ivnet_tx_kick_due(&a.tx));
	/* the receiver has not asked again: no more doorbells */
	send(&a, 100, seq++);
	assert_false(ivnet_tx_kick_due(&a.tx));
	assert_false(ivnet_tx_kick_due(&a.tx)); /* nothing added */
	/* it takes both, asks (arms), the next frame rings once */
	receive(&b, 100, 0);
	receive(&b, 100, 1);
	ivnet_rx_arm(&b.rx);
	assert_false(ivnet_rx_pending(&b.rx));
	send(&a, 100, seq++);
	assert_true(ivnet_rx_pending(&b.rx));
	assert_true(ivnet_tx_kick_due(&a.tx));
	/* used frames: the sender asks (tx_arm) when its queue stops */
	assert_int_equal(ivnet_tx_clean(&a.tx), 2);
	ivnet_tx_arm(&a.tx);
	receive(&b, 100, 2);
	assert_true(ivnet_rx_kick_due(&b.rx, 1));
	send(&a, 100, seq++);
	receive(&b, 100, 3);
	assert_false(ivnet_rx_kick_due(&b.rx, 1));
	assert_false(ivnet_rx_kick_due(&b.rx, 0));
	link_down(&a, &b);
}

static void hostile_peer_refused(void **state)
{
	struct peer a, b;
	const void *d;
	__u32 len;
	__u16 desc;

	(void)state;
	link_up(&a, &b, SECTION);
	send(&a, 100, 0);
	/* descriptor index out of the ring */
	a.tx.vr.avail->ring[0] = 2048;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.avail->ring[0] = 0;
	/* frame in the rings, past the end, flags, length overflow */
	a.tx.vr.desc[0].addr = 100;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.desc[0].addr = SECTION;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.desc[0].addr = SECTION - 10;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.desc[0].addr = 53376;
	a.tx.vr.desc[0].len = 0xffffffff;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.desc[0].len = 100;
	a.tx.vr.desc[0].flags = VRING_DESC_F_NEXT;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), -EIO);
	a.tx.vr.desc[0].flags = 0;
	assert_int_equal(ivnet_rx_next(&b.rx, &d, &len, &desc), 1);
	ivnet_rx_done(&b.rx, desc);
	/* used entries: a bad id, len other than 1, a frame twice */
	b.rx.vr.used->ring[0].id = 4000;
	assert_int_equal(ivnet_tx_clean(&a.tx), -EIO);
	b.rx.vr.used->ring[0].id = 0;
	b.rx.vr.used->ring[0].len = 100;
	assert_int_equal(ivnet_tx_clean(&a.tx), -EIO);
	b.rx.vr.used->ring[0].len = 1;
	assert_int_equal(ivnet_tx_clean(&a.tx), 1);
	b.rx.vr.used->ring[1] = b.rx.vr.used->ring[0];
	b.rx.vr.used->idx = 2;
	assert_int_equal(ivnet_tx_clean(&a.tx), -EIO);
	assert_int_equal(a.tx.num_free, 2048);
	link_down(&a, &b);
}

static void state_transitions(void **state)
{
	static const struct {
		__u32 own, peer, next;
		unsigned int actions;
	} t[] = {
		{ 0, 0, 1, 0 },
		{ 0, 1, 1, 0 },
		{ 0, 2, 0, 0 }, /* the peer must see our RESET first */
		{ 0, 3, 0, 0 },
		{ 1, 0, 1, 0 },
		{ 1, 1, 2, IVNET_DO_INIT_QUEUES },
		{ 1, 2, 2, IVNET_DO_INIT_QUEUES },
		{ 1, 3, 2, IVNET_DO_INIT_QUEUES },
		{ 2, 0, 0, IVNET_DO_STOP },
		{ 2, 1, 2, 0 },
		{ 2, 2, 2, IVNET_DO_RUN },
		{ 2, 3, 2, IVNET_DO_RUN },
		{ 3, 0, 0, IVNET_DO_STOP },
		{ 3, 1, 3, 0 },
		{ 3, 3, 3, IVNET_DO_RUN },
		{ 7, 3, 0, IVNET_DO_STOP }, /* our own state unknown */
	};
	unsigned int i, actions;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(ivnet_state_next(t[i].own, t[i].peer,
						  &actions),
				 t[i].next);
		assert_int_equal(actions, t[i].actions);
	}
}

/* One step of a peer as the driver takes it (its interface is up). */
static int step(__u32 *own, __u32 peer)
{
	unsigned int actions;
	__u32 next = ivnet_state_next(*own, peer, &actions);

	if (actions & IVNET_DO_RUN)
		next = IVNET_STATE_RUN;
	if (next == *own)
		return 0;
	*own = next;
	return 1;
}

static void handshake_and_reset(void **state)
{
	__u32 a = 0, b = 0;
	unsigned int n, order;

	(void)state;
	/* whoever moves first, both reach RUN */
	for (order = 0; order < 2; order++) {
		a = b = 0;
		for (n = 0; n < 20; n++)
			if (order ? step(&b, a) + step(&a, b) :
				    step(&a, b) + step(&b, a))
				continue;
		assert_int_equal(a, IVNET_STATE_RUN);
		assert_int_equal(b, IVNET_STATE_RUN);
	}
	/* b's cell goes: the hypervisor writes its entry 0, b restarts */
	b = 0;
	assert_int_equal(step(&a, b), 1);
	assert_int_equal(a, IVNET_STATE_RESET);
	for (n = 0; n < 20; n++)
		step(&b, a), step(&a, b);
	assert_int_equal(a, IVNET_STATE_RUN);
	assert_int_equal(b, IVNET_STATE_RUN);
	/* a fresh b while a still runs stays in RESET: a sees it first */
	b = 0;
	assert_int_equal(step(&b, a), 0);
	assert_int_equal(b, IVNET_STATE_RESET);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(geometry_as_the_peers_compute_it),
		cmocka_unit_test(vring_layout),
		cmocka_unit_test(frames_both_ways),
		cmocka_unit_test(full_ring_keeps_frames),
		cmocka_unit_test(doorbells_by_event_index),
		cmocka_unit_test(hostile_peer_refused),
		cmocka_unit_test(state_transitions),
		cmocka_unit_test(handshake_and_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
