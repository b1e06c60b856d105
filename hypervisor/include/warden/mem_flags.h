/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A memory region's flags in words ("READ|WRITE|IO"), the same in the
 * hypervisor's fault reports, `warden config show` and `warden decode`.
 */
#ifndef WARDEN_MEM_FLAGS_H
#define WARDEN_MEM_FLAGS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Names every flag set, in bit order, joined by '|'; bits without a name
 * follow as one hex number. Writes "" for no flag. Returns the length of
 * the whole text, like snprintf, even when buf is too small for it.
 */
int mem_flags_format(uint64_t flags, char *buf, size_t size);

#endif
