# SPDX-License-Identifier: GPL-2.0
# Benchmark inmates, built with the inmate library like the demos (see
# inmates/build.mk): NAME.bin for a cell and NAME-bare.elf for QEMU alone.
# `make bench` runs bench/run; nothing here is part of `make check` except
# the quick smoke run in tests/harness/bench-smoke.sh.

BENCH_DIR := $(B)/bench
BENCH_INMATES := irq-latency op-costs sgi-latency ivshmem-rtt
# bench/lib: the measuring instruments the benchmark inmates share.
BENCH_COMMON_OBJS := $(BENCH_DIR)/lib/pmu.c.o
BENCH_CFLAGS = $(INMATE_CFLAGS) -I$(TOP)/bench/lib

$(BENCH_DIR)/inmates/%.c.o: $(TOP)/bench/inmates/%.c $(TOP)/bench/lib/pmu.h | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_DIR)/lib/%.c.o: $(TOP)/bench/lib/%.c $(TOP)/bench/lib/pmu.h | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_DIR)/inmates/%.S.o: $(TOP)/bench/inmates/%.S | deps
	@mkdir -p $(dir $@)
	$(call say,AS,$@)
	$(Q)$(CROSS_CC) $(BENCH_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

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


# The vcpu-marks QEMU plugin: per-vCPU instruction counts at markers.
BENCH_PLUGIN := $(BENCH_DIR)/vcpu-marks.so
$(BENCH_PLUGIN): $(TOP)/bench/plugin/vcpu-marks.c \
		$(TOP)/bench/plugin/qemu-plugin-v1.h | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CC) -O2 -std=gnu11 $(WARN) -shared -fPIC -fvisibility=hidden \
		$< -o $@
ALL_TARGETS += $(BENCH_PLUGIN)

# The root cell's load for latency (c): a static program for the guest.
BENCH_LOAD := $(BENCH_DIR)/root-load
$(BENCH_LOAD): $(TOP)/bench/load/root-load.c | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(GUEST_CFLAGS) -static -pthread $< -o $@
ALL_TARGETS += $(BENCH_LOAD)

# The root's half of the doorbell round trip (ivshmem-rtt): a static
# program for the guest, answering the cell's doorbells through UIO.
BENCH_ECHO := $(BENCH_DIR)/ivshmem-echo
$(BENCH_ECHO): $(TOP)/bench/load/ivshmem-echo.c | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(GUEST_CFLAGS) -static $< -o $@
ALL_TARGETS += $(BENCH_ECHO)

.PHONY: bench-build
bench-build: $(BENCH_BINS) $(BENCH_PLUGIN) $(BENCH_LOAD) $(BENCH_ECHO)
ALL_TARGETS += $(BENCH_BINS)
