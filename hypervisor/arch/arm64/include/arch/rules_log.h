/* SPDX-License-Identifier: GPL-2.0 */
/* The hypervisor's sink for the rule engine: each finding on the console. */
#ifndef ARCH_RULES_LOG_H
#define ARCH_RULES_LOG_H

#include <arch/hv.h>
#include <warden/rules.h>

static inline void rules_log(struct rules_sink *sink,
			     const struct rules_finding *f)
{
	(void)sink;
	printk("ERROR: %s\n", f->text);
}

#endif
