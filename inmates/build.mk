# SPDX-License-Identifier: GPL-2.0
# Inmates: the library in lib/, demos in demos/ and test inmates in tests/,
# each linked twice from the same objects: NAME.bin (raw image for a cell,
# linked at IPA 0, installed into the guest) and NAME-bare.elf (linked
# into QEMU virt's RAM, booted by QEMU's -kernel without a hypervisor;
# tests and the bare-metal benchmark use it). See inmates/README.md.

INMATE_DIR := $(B)/inmates
INMATE_DEMOS := $(basename $(notdir $(wildcard $(TOP)/inmates/demos/*.c)))
INMATE_TESTS := $(basename $(notdir $(wildcard $(TOP)/inmates/tests/*.c)))
INMATE_NAMES := $(INMATE_DEMOS) $(INMATE_TESTS)
INMATE_MAIN_OBJS := $(INMATE_DEMOS:%=$(INMATE_DIR)/demos/%.c.o) \
	$(INMATE_TESTS:%=$(INMATE_DIR)/tests/%.c.o)
INMATE_LIB_SRCS := $(filter-out %.lds.S,$(wildcard $(TOP)/inmates/lib/*.c \
	$(TOP)/inmates/lib/*.S))
INMATE_LIB_OBJS := $(patsubst $(TOP)/inmates/%,$(INMATE_DIR)/%.o, \
	$(INMATE_LIB_SRCS))
INMATE_BARE_BASE := 0x40000000
INMATE_CFLAGS = -O2 -std=gnu11 $(WARN) -ffreestanding -fno-builtin \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pic \
	-fno-common -mgeneral-regs-only -mstrict-align -mno-outline-atomics \
	-nostdinc \
	-isystem $(shell $(CROSS_CC) -print-file-name=include 2>/dev/null) \
	-I$(TOP)/inmates/lib/include -I$(TOP)/include -MMD -MP

INMATE_BINS += $(INMATE_NAMES:%=$(INMATE_DIR)/%.bin)
INMATE_BARE_ELFS := $(INMATE_NAMES:%=$(INMATE_DIR)/%-bare.elf)

$(INMATE_DIR)/%.c.o: $(TOP)/inmates/%.c | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(INMATE_CFLAGS) -c $< -o $@

$(INMATE_DIR)/%.S.o: $(TOP)/inmates/%.S | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(INMATE_CFLAGS) -D__ASSEMBLER__ -c $< -o $@

$(INMATE_DIR)/inmate-cell.lds: $(TOP)/inmates/lib/inmate.lds.S | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) -E -P -x c -DINMATE_BASE=0 -DINMATE_BARE=0 $< -o $@

$(INMATE_DIR)/inmate-bare.lds: $(TOP)/inmates/lib/inmate.lds.S | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) -E -P -x c -DINMATE_BASE=$(INMATE_BARE_BASE) \
		-DINMATE_BARE=1 $< -o $@

INMATE_LINK = $(CROSS_CC) -nostdlib -static -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments -T $(1) $(2) -o $@ -lgcc

INMATE_CELL_DEPS := $(INMATE_LIB_OBJS) $(INMATE_DIR)/inmate-cell.lds
INMATE_BARE_DEPS := $(INMATE_LIB_OBJS) $(INMATE_DIR)/inmate-bare.lds

# $(call inmate_program,NAME,MAIN_OBJECTS,OUTDIR): rules for OUTDIR/NAME.elf,
# NAME.bin and NAME-bare.elf. Other parts of the tree (bench/) use it too,
# compiling their objects with $(INMATE_CFLAGS).
define inmate_program
$(3)/$(1).elf: $(2) $$(INMATE_CELL_DEPS)
	$$(call INMATE_LINK,$$(INMATE_DIR)/inmate-cell.lds,$$(filter %.o,$$^))
$(3)/$(1)-bare.elf: $(2) $$(INMATE_BARE_DEPS)
	$$(call INMATE_LINK,$$(INMATE_DIR)/inmate-bare.lds,$$(filter %.o,$$^))
$(3)/$(1).bin: $(3)/$(1).elf
	$$(CROSS_OBJCOPY) -O binary $$< $$@
.SECONDARY: $(3)/$(1).elf $(2)
endef

$(foreach n,$(INMATE_DEMOS),$(eval $(call inmate_program,$(n),\
	$(INMATE_DIR)/demos/$(n).c.o,$(INMATE_DIR))))
$(foreach n,$(INMATE_TESTS),$(eval $(call inmate_program,$(n),\
	$(INMATE_DIR)/tests/$(n).c.o,$(INMATE_DIR))))

.SECONDARY: $(INMATE_LIB_OBJS)

-include $(INMATE_LIB_OBJS:.o=.d) $(INMATE_MAIN_OBJS:.o=.d)

# cell-sim: an EL2 stand-in for the hypervisor that runs NAME.bin at IPA 0
# with a comm region, for tests (see inmates/README.md).
INMATE_SIM_SRCS := $(wildcard $(TOP)/inmates/sim/*.c $(TOP)/inmates/sim/*.S)
INMATE_SIM_OBJS := $(patsubst $(TOP)/inmates/%,$(INMATE_DIR)/%.o, \
	$(INMATE_SIM_SRCS)) \
	$(addprefix $(INMATE_DIR)/lib/,format.c.o uart-pl011.c.o string.c.o)
INMATE_SIM := $(INMATE_DIR)/cell-sim.elf

$(INMATE_SIM): $(INMATE_SIM_OBJS) $(TOP)/inmates/sim/sim.lds
	$(call INMATE_LINK,$(TOP)/inmates/sim/sim.lds,$(INMATE_SIM_OBJS))

.SECONDARY: $(INMATE_SIM_OBJS)
-include $(INMATE_SIM_OBJS:.o=.d)

.PHONY: inmates
inmates: $(INMATE_BINS) $(INMATE_BARE_ELFS) $(INMATE_SIM) $(INMATE_UNIT_BINS)
ALL_TARGETS += $(INMATE_BINS) $(INMATE_BARE_ELFS) $(INMATE_SIM)

# Host unit tests of the library's portable parts (tests/unit/test_inmate_*),
# linked with those parts instead of the tools' sources.
INMATE_HOST_SRCS := $(addprefix $(TOP)/inmates/lib/,format.c cmdline.c comm.c)
INMATE_UNIT_BINS := $(patsubst $(TOP)/tests/unit/%.c,$(B)/tests/unit/%, \
	$(wildcard $(TOP)/tests/unit/test_inmate_*.c))

$(B)/tests/unit/test_inmate_%: $(TOP)/tests/unit/test_inmate_%.c \
		$(INMATE_HOST_SRCS) $(wildcard $(TOP)/inmates/lib/include/*.h) \
		$(TOP)/include/warden/comm-region.h | deps $(VERSION_H)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -I$(TOP)/inmates/lib/include \
		-fsanitize=address,undefined $< $(INMATE_HOST_SRCS) -o $@ \
		-lcmocka

inmates: $(INMATE_UNIT_BINS)
CHECK_TARGETS += $(INMATE_UNIT_BINS)

# The Linux loader of "warden cell linux": one position-independent page,
# no library (see inmates/linux/linux-loader.S).
LINUX_LOADER := $(INMATE_DIR)/linux-loader.bin
$(INMATE_DIR)/linux/linux-loader.elf: $(TOP)/inmates/linux/linux-loader.S | deps
	@mkdir -p $(dir $@)
	$(call say,AS,$@)
	$(Q)$(CROSS_CC) -nostdlib -static -Wl,--build-id=none -Wl,-Ttext=0 \
		-D__ASSEMBLER__ $< -o $@
$(LINUX_LOADER): $(INMATE_DIR)/linux/linux-loader.elf
	$(Q)$(CROSS_OBJCOPY) -O binary $< $@
INMATE_BINS += $(LINUX_LOADER)
ALL_TARGETS += $(LINUX_LOADER)

# warden_hvc.ko: the console module for a Linux kernel in a cell, built
# against the same Debian kernel as the driver (inmates/linux/hvc/; the
# cell's initramfs loads it, docs/cells.md "Linux in a cell").
WARDEN_HVC_SRCS := $(wildcard $(TOP)/inmates/linux/hvc/*.c) \
	$(TOP)/inmates/linux/hvc/Kbuild
WARDEN_HVC_KO := $(B)/inmates/linux/hvc/warden_hvc.ko

$(WARDEN_HVC_KO): $(WARDEN_HVC_SRCS) $(TOP)/include/warden/hypercall.h \
		$(DEPS_STAMP) | deps
	@mkdir -p $(dir $@)
	@for f in $(WARDEN_HVC_SRCS); do ln -sf $$f $(dir $@); done
	@$(MAKE) -s -C $(DEBIAN)/root/usr/src/linux-headers-$(KVER) \
		M=$(B)/inmates/linux/hvc ARCH=arm64 \
		CROSS_COMPILE=$(CROSS_COMPILE) WARDEN_DEBIAN_ROOT=$(DEBIAN)/root \
		WARDEN_TOP=$(TOP) modules
	@touch $@

ALL_TARGETS += $(WARDEN_HVC_KO)
