# SPDX-License-Identifier: GPL-2.0
# Benchmark inmates, built with the inmate library like the demos (see
# inmates/build.mk): NAME.bin for a cell and NAME-bare.elf for QEMU alone.
# `make bench` runs bench/run; nothing here is part of `make check` except
# the quick smoke run in tests/harness/bench-smoke.sh.

BENCH_DIR := $(B)/bench
BENCH_INMATES := irq-latency op-costs
BENCH_COMMON_OBJS :=

$(BENCH_DIR)/inmates/%.c.o: $(TOP)/bench/inmates/%.c | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(INMATE_CFLAGS) -c $< -o $@

$(BENCH_DIR)/inmates/%.S.o: $(TOP)/bench/inmates/%.S | deps
	@mkdir -p $(dir $@)
	$(call say,AS,$@)
	$(Q)$(CROSS_CC) $(INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(BENCH_DIR)/%.elf: $(BENCH_DIR)/inmates/%.c.o $(BENCH_COMMON_OBJS) \
		$(INMATE_LIB_OBJS) $(INMATE_DIR)/inmate-cell.lds
	$(call say,LD,$@)
	$(Q)$(call INMATE_LINK,$(INMATE_DIR)/inmate-cell.lds,$(filter %.o,$^))

$(BENCH_DIR)/%-bare.elf: $(BENCH_DIR)/inmates/%.c.o $(BENCH_COMMON_OBJS) \
		$(INMATE_LIB_OBJS) $(INMATE_DIR)/inmate-bare.lds
	$(call say,LD,$@)
	$(Q)$(call INMATE_LINK,$(INMATE_DIR)/inmate-bare.lds,$(filter %.o,$^))

$(BENCH_DIR)/%.bin: $(BENCH_DIR)/%.elf
	$(Q)$(CROSS_OBJCOPY) -O binary $< $@

BENCH_BINS := $(BENCH_INMATES:%=$(BENCH_DIR)/%.bin) \
	$(BENCH_INMATES:%=$(BENCH_DIR)/%-bare.elf)

.SECONDARY: $(BENCH_INMATES:%=$(BENCH_DIR)/%.elf) \
	$(BENCH_INMATES:%=$(BENCH_DIR)/inmates/%.c.o) $(BENCH_COMMON_OBJS)

.PHONY: bench-build
bench-build: $(BENCH_BINS)
ALL_TARGETS += $(BENCH_BINS)
