// SPDX-License-Identifier: GPL-2.0
/*
 * Guests' SGI register writes: which register, which CPUs a value
 * addresses, and that only ICC_SGI1R_EL1 sends anything.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <warden/sgi_policy.h>

/* ISS of a trapped MSR S3_0_C12_C11_<op2>, Rt = 1 */
static uint32_t iss_write(unsigned int op2)
{
	return 3U << 20 | op2 << 17 | 0U << 14 | 12U << 10 | 1U << 5 | 11U << 1;
}

static void registers(void **state)
{
	(void)state;
	assert_int_equal(sgi_reg_of(iss_write(5)), SGI_REG_SGI1R);
	assert_int_equal(sgi_reg_of(iss_write(6)), SGI_REG_ASGI1R);
	assert_int_equal(sgi_reg_of(iss_write(7)), SGI_REG_SGI0R);
	/* a read (direction bit), another op2, another CRm: none */
	assert_int_equal(sgi_reg_of(iss_write(5) | 1), SGI_REG_NONE);
	assert_int_equal(sgi_reg_of(iss_write(1)), SGI_REG_NONE);
	assert_int_equal(sgi_reg_of(iss_write(5) ^ 1U << 1), SGI_REG_NONE);
	assert_string_equal(sgi_reg_name(SGI_REG_SGI0R), "ICC_SGI0R_EL1");
	assert_string_equal(sgi_reg_name(SGI_REG_ASGI1R), "ICC_ASGI1R_EL1");
}

static void group0_and_alternate_refused(void **state)
{
	(void)state;
	assert_int_equal(sgi_policy(SGI_REG_SGI1R), SGI_SEND);
	assert_int_equal(sgi_policy(SGI_REG_SGI0R), SGI_REFUSE);
	assert_int_equal(sgi_policy(SGI_REG_ASGI1R), SGI_REFUSE);
	assert_int_equal(sgi_policy(SGI_REG_NONE), SGI_REFUSE);
}

/* QEMU virt's four CPUs, and a cluster layout with Aff1 and RS */
static const uint64_t flat[4] = { 0x80000000, 0x80000001, 0x80000002,
				  0x80000003 };
static const uint64_t clustered[5] = { 0x000, 0x001, 0x100, 0x101, 0x112 };

static void targets_by_list(void **state)
{
	(void)state;
	/* SGI 3 to CPUs 0 and 1 (Aff1 0, target list 0b11) */
	assert_int_equal(sgi_targets(3ULL << 24 | 3, 2, 0xf, flat, 4), 0x3);
	/* only the candidates count: the cell has CPUs 2-3 */
	assert_int_equal(sgi_targets(3ULL << 24 | 3, 2, 0xc, flat, 4), 0);
	assert_int_equal(sgi_targets(3ULL << 24 | 0xf, 2, 0xc, flat, 4), 0xc);
	/* Aff1 1: CPUs 2, 3; RS 1 addresses Aff0 16-31: CPU 4 (0x112) */
	assert_int_equal(sgi_targets(1ULL << 16 | 3, 0, 0x1f, clustered, 5),
			 0xc);
	assert_int_equal(sgi_targets(1ULL << 44 | 1ULL << 16 | 1 << 2, 0, 0x1f,
				     clustered, 5),
			 0x10);
	/* RS 0 with bit 2 does not reach Aff0 18 */
	assert_int_equal(
		sgi_targets(1ULL << 16 | 1 << 2, 0, 0x1f, clustered, 5), 0);
	/* a sender past the table addresses nothing */
	assert_int_equal(sgi_targets(0xffff, 7, 0xf, flat, 4), 0);
}

static void targets_broadcast(void **state)
{
	(void)state;
	/* IRM: everyone but the sender, among the candidates */
	assert_int_equal(sgi_targets(1ULL << 40, 2, 0xf, flat, 4), 0xb);
	assert_int_equal(sgi_targets(1ULL << 40, 2, 0xc, flat, 4), 0x8);
	assert_int_equal(sgi_targets(1ULL << 40, 0, 0x1f, clustered, 5), 0x1e);
}

static void value_round_trip(void **state)
{
	unsigned int i, j;

	(void)state;
	for (i = 0; i < 5; i++) {
		uint64_t v = sgi_value_for(9, clustered[i]);

		assert_int_equal(sgi_intid(v), 9);
		for (j = 0; j < 5; j++)
			assert_int_equal(sgi_addresses(v, clustered[0],
						       clustered[j]),
					 i == j);
	}
}

/* The trap path's one-compare test agrees with sgi_reg_of + sgi_policy. */
static void iss_shortcut(void **state)
{
	uint32_t iss;

	(void)state;
	assert_true(sgi_iss_is_send(iss_write(5)));
	assert_true(sgi_iss_is_send(iss_write(5) | 31U << 5 | 7U << 22));
	for (iss = 0; iss < 1U << 22; iss++)
		assert_int_equal(sgi_iss_is_send(iss),
				 sgi_reg_of(iss) != SGI_REG_NONE &&
					 sgi_policy(sgi_reg_of(iss)) ==
						 SGI_SEND);
}

/*
 * sgi_route_hit() over every CPU a value names equals sgi_addresses(),
 * and the one write it builds reaches exactly the allowed CPUs among
 * those the value names.
 */
static void route_hit(void **state)
{
	static const uint64_t values[] = {
		0x3,
		0xf,
		1ULL << 16 | 3,
		1ULL << 44 | 1ULL << 16 | 1 << 2,
		1ULL << 16 | 1 << 2,
		0xffff,
		0xffULL << 32 | 1,
		0,
		1ULL << 48 | 1,
	};
	uint64_t list, w;
	unsigned int i, j;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		for (j = 0; j < 5; j++)
			assert_int_equal(
				!!sgi_route_hit(values[i],
						sgi_value_for(0, clustered[j])),
				sgi_addresses(values[i], clustered[0],
					      clustered[j]));
		for (j = 0; j < 4; j++)
			assert_int_equal(
				!!sgi_route_hit(values[i],
						sgi_value_for(0, flat[j])),
				sgi_addresses(values[i], flat[0], flat[j]));
		/* allowed: clustered CPUs 1, 2 and 4 */
		list = sgi_route_hit(values[i],
				     sgi_value_for(0, clustered[1])) |
		       sgi_route_hit(values[i],
				     sgi_value_for(0, clustered[2])) |
		       sgi_route_hit(values[i], sgi_value_for(0, clustered[4]));
		w = (values[i] & (SGI_ROUTE_MASK | 0xfULL << 24)) | list;
		for (j = 0; j < 5; j++)
			assert_int_equal(list && sgi_addresses(w, clustered[0],
							       clustered[j]),
					 (j == 1 || j == 2 || j == 4) &&
						 sgi_addresses(values[i],
							       clustered[0],
							       clustered[j]));
	}
	/* a CPU that never came (route 0) is never hit */
	assert_int_equal(sgi_route_hit(0xffff, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(registers),
		cmocka_unit_test(group0_and_alternate_refused),
		cmocka_unit_test(targets_by_list),
		cmocka_unit_test(targets_broadcast),
		cmocka_unit_test(value_round_trip),
		cmocka_unit_test(iss_shortcut),
		cmocka_unit_test(route_hit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
