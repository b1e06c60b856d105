# SPDX-License-Identifier: GPL-2.0
# Host unit tests (cmocka). Each tests/unit/test_*.c is one program, linked
# with the tools' library code (everything but the CLI's main) and the
# portable hypervisor core. tests/run executes them.

UNIT_SRCS := $(wildcard $(TOP)/tests/unit/test_*.c)
UNIT_BINS := $(patsubst $(TOP)/tests/unit/%.c,$(B)/tests/unit/%,$(UNIT_SRCS))
UNIT_LIB_SRCS := $(filter-out $(TOP)/tools/warden.c,$(TOOLS_SRCS)) \
	$(TOOLS_HOST_ONLY)

# The library is compiled once, one object per source, so that a change
# to one core file (a `make mutate` patch and its revert) recompiles that
# file and relinks the programs instead of compiling every source into
# each of them again.
UNIT_LIB_OBJS := $(patsubst $(TOP)/%.c,$(B)/tests/unit/lib/%.o,$(UNIT_LIB_SRCS))

$(UNIT_LIB_OBJS): $(B)/tests/unit/lib/%.o: $(TOP)/%.c $(TOOLS_HDRS) | deps
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(TOOLS_INC) -fsanitize=address,undefined \
		-c $< -o $@

# (test_inmate_*: inmates/build.mk, linked with the inmate library)
$(filter-out $(B)/tests/unit/test_inmate_%,$(UNIT_BINS)): \
		$(B)/tests/unit/%: $(TOP)/tests/unit/%.c $(UNIT_LIB_OBJS) \
		$(TOOLS_HDRS) | deps
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(TOOLS_INC) -fsanitize=address,undefined \
		$< $(UNIT_LIB_OBJS) -o $@ -lcmocka $(TOOLS_HOST_LIBS)

.PHONY: unit
unit: $(UNIT_BINS)
CHECK_TARGETS += $(UNIT_BINS)

# test_ivnet builds the driver's protocol logic (driver/ivnet_proto.c) in
$(B)/tests/unit/test_ivnet: $(TOP)/driver/ivnet_proto.c \
	$(TOP)/driver/ivnet_proto.h
