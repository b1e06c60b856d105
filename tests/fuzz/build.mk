# SPDX-License-Identifier: GPL-2.0
# `make fuzz`: every libFuzzer target, one after the other, for FUZZ_TIME
# seconds each (default 300), all through tests/fuzz/run.sh: the config
# parser/checker, the rule engine, and the rest of the hypervisor core's
# trust boundary (the redistributor and distributor filters, the
# load/store decoder, stage-2 table editing). `make check` runs each for
# a few seconds (tests/harness/fuzz.sh).
# Crashes are kept in build/tests/fuzz/; docs/testing.md says more.

FUZZ_TIME ?= 300
FUZZ_TARGETS := config rules gicr_filter gic_filter gicv2_filter insn pgtable vpci \
	cell_console

.PHONY: fuzz
fuzz: | deps
	$(Q)set -e; for t in $(FUZZ_TARGETS); do \
		echo "  FUZZ     $$t ($(FUZZ_TIME) s)"; \
		$(TOP)/tests/fuzz/run.sh $$t $(FUZZ_TIME); \
	done
