# SPDX-License-Identifier: GPL-2.0
# warden.bin: the EL2 image. Portable core sources (hypervisor/core/) build
# here freestanding and for the host too (tests/unit/build.mk links them).

HV_DIR := $(B)/hypervisor
HV_CORE_SRCS := $(wildcard $(TOP)/hypervisor/core/*.c)
HV_ARCH_SRCS := $(wildcard $(TOP)/hypervisor/arch/arm64/*.c \
	$(TOP)/hypervisor/arch/arm64/*.S)
HV_OBJS := $(patsubst $(TOP)/%,$(HV_DIR)/%.o,$(HV_CORE_SRCS) $(HV_ARCH_SRCS))
HV_CFLAGS = -O2 -std=gnu11 $(WARN) -ffreestanding -fno-builtin \
	-fno-tree-loop-distribute-patterns -DWARDEN_VERSION='"$(WARDEN_VERSION)"' \
	-fno-stack-protector -fno-pic -fno-common -mgeneral-regs-only \
	-mstrict-align -nostdinc -isystem $(shell $(CROSS_CC) -print-file-name=include 2>/dev/null) \
	-I$(TOP)/hypervisor/include -I$(TOP)/hypervisor/arch/arm64/include \
	-I$(TOP)/include -MMD -MP
HV_LDS_SRC := $(TOP)/hypervisor/arch/arm64/warden.lds
HV_LDS := $(HV_DIR)/warden.lds
HV_ELF := $(HV_DIR)/warden.elf
HV_BIN := $(HV_DIR)/warden.bin

$(HV_DIR)/%.c.o: $(TOP)/%.c | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(HV_CFLAGS) -c $< -o $@

$(HV_DIR)/%.S.o: $(TOP)/%.S | deps
	@mkdir -p $(dir $@)
	$(call say,AS,$@)
	$(Q)$(CROSS_CC) $(HV_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

# The linker script takes its layout constants from a header.
$(HV_LDS): $(HV_LDS_SRC) $(wildcard $(TOP)/hypervisor/arch/arm64/include/arch/*.h) | deps
	@mkdir -p $(dir $@)
	$(Q)$(CROSS_CC) -E -P -x c -D__ASSEMBLER__ \
		-I$(TOP)/hypervisor/arch/arm64/include $< -o $@

$(HV_ELF): $(HV_OBJS) $(HV_LDS)
	$(call say,LD,$@)
	$(Q)$(CROSS_CC) -nostdlib -static -Wl,--build-id=none -T $(HV_LDS) \
		$(HV_OBJS) -o $@ -lgcc

$(HV_BIN): $(HV_ELF)
	$(call say,OBJCOPY,$@)
	$(Q)$(CROSS_OBJCOPY) -O binary $< $@

-include $(HV_OBJS:.o=.d)

.PHONY: hypervisor
hypervisor: $(HV_BIN)
ALL_TARGETS += $(HV_BIN)

# warden-faultinject.bin: warden.bin plus hypervisor/test/fault_inject.c,
# whose test points (arch/test_point.h) take an exception at EL2 on the
# root's request; tests/system/hv-fault-recovery.sh boots it in place of
# warden.bin. Never installed.
HV_TEST_OBJS := $(HV_DIR)/hypervisor/test/fault_inject.c.o
HV_TEST_ELF := $(HV_DIR)/warden-faultinject.elf
HV_TEST_BIN := $(HV_DIR)/warden-faultinject.bin

$(HV_TEST_ELF): $(HV_OBJS) $(HV_TEST_OBJS) $(HV_LDS)
	$(call say,LD,$@)
	$(Q)$(CROSS_CC) -nostdlib -static -Wl,--build-id=none -T $(HV_LDS) \
		$(HV_OBJS) $(HV_TEST_OBJS) -o $@ -lgcc

$(HV_TEST_BIN): $(HV_TEST_ELF)
	$(call say,OBJCOPY,$@)
	$(Q)$(CROSS_OBJCOPY) -O binary $< $@

-include $(HV_TEST_OBJS:.o=.d)
ALL_TARGETS += $(HV_TEST_BIN)
