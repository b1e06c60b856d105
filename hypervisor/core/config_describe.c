// SPDX-License-Identifier: GPL-2.0
/*
 * The sentence for each parser refusal, with its fix: one text for the
 * hypervisor's console (enable, cell create) and "warden config check".
 */
#include <warden/config.h>
#include <warden/format.h>

static const char *kind_name(__u64 kind)
{
	return kind == WARDEN_CONFIG_SYSTEM ? "system config (\"JHSYS\")" :
					      "cell config (\"JHCLL\")";
}

static const char *arch_name(__u64 arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "32-bit arm";
	case JAILHOUSE_ARM64:
		return "arm64";
	}
	return "unknown";
}

char *warden_config_status_describe(enum warden_config_status status,
				    const struct warden_config *cfg, char *buf,
				    size_t len)
{
	unsigned long long got = cfg->got, exp = cfg->expected;
	char sig[6];
	int i;

	switch (status) {
	case WARDEN_CONFIG_OK:
		format_string(buf, len, "no error");
		break;
	case WARDEN_CONFIG_TOO_SMALL:
		format_string(
			buf, len,
			"file is %llu bytes, a %s needs at least %llu: it is "
			"truncated or not a .cell file",
			got,
			exp >= sizeof(struct jailhouse_system) ?
				kind_name(WARDEN_CONFIG_SYSTEM) :
				"configuration",
			exp);
		break;
	case WARDEN_CONFIG_BAD_SIGNATURE:
		for (i = 4; i >= 0; i--, got >>= 8)
			sig[i] = (got & 0xff) >= 0x20 && (got & 0xff) < 0x7f ?
					 (char)(got & 0xff) :
					 '?';
		sig[5] = 0;
		format_string(
			buf, len,
			"signature \"%s\" is neither \"JHSYS\" (system config) "
			"nor \"JHCLL\" (cell config): not a .cell file",
			sig);
		break;
	case WARDEN_CONFIG_WRONG_KIND:
		format_string(
			buf, len, "this is a %s, but a %s is needed here: %s",
			kind_name(got), kind_name(exp),
			exp == WARDEN_CONFIG_SYSTEM ?
				"give the system config (the root cell's, "
				"for enable and first to config check)" :
				"give a cell config (a system config is "
				"for enable, and only the first file of "
				"config check)");
		break;
	case WARDEN_CONFIG_BAD_ARCH:
		format_string(
			buf, len,
			"architecture %llu (%s), expected %llu (arm64): build "
			"the config for arm64",
			got, arch_name(got), exp);
		break;
	case WARDEN_CONFIG_BAD_REVISION:
		format_string(
			buf, len,
			"revision %llu, expected %llu: rebuild the config with "
			"this version's headers",
			got, exp);
		break;
	case WARDEN_CONFIG_BAD_NAME:
		format_string(buf, len,
			      "the cell name has no terminating NUL in its %zu "
			      "bytes: use at most %d characters",
			      sizeof(((struct jailhouse_cell_desc *)0)->name),
			      JAILHOUSE_CELL_NAME_MAXLEN);
		break;
	case WARDEN_CONFIG_TRUNCATED:
		format_string(
			buf, len,
			"file is %llu bytes, but its header and counts describe "
			"%llu: the file is truncated or a count (num_*, "
			"cpu_set_size) is larger than its array; set counts "
			"with ARRAY_SIZE() and sizeof()",
			got, exp);
		break;
	case WARDEN_CONFIG_REGION_WRAPS:
		if (got == ~0ULL)
			format_string(
				buf, len,
				"hypervisor memory runs past the end of the "
				"64-bit address space: fix its phys_start or "
				"size");
		else
			format_string(
				buf, len,
				"memory region %llu runs past the end of the "
				"64-bit address space: fix its start or size",
				got);
		break;
	case WARDEN_CONFIG_CPU_SET_SIZE:
		format_string(buf, len,
			      "cpu_set_size is %llu bytes, at most %llu are "
			      "accepted: set it with sizeof(config.cpus)",
			      got, exp);
		break;
	default:
		format_string(buf, len, "unknown parser status %d",
			      (int)status);
	}
	return buf;
}
