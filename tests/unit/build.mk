# SPDX-License-Identifier: GPL-2.0
# Host unit tests (cmocka). Each tests/unit/test_*.c is one program, linked
# with the tools' library code (everything but the CLI's main) and the
# portable hypervisor core. tests/run executes them.

UNIT_SRCS := $(wildcard $(TOP)/tests/unit/test_*.c)
UNIT_BINS := $(patsubst $(TOP)/tests/unit/%.c,$(B)/tests/unit/%,$(UNIT_SRCS))
UNIT_LIB_SRCS := $(filter-out $(TOP)/tools/warden.c,$(TOOLS_SRCS)) \
	$(TOOLS_HOST_ONLY)

UNIT_CFLAGS = $(HOST_CFLAGS) $(TOOLS_INC) -fsanitize=address,undefined

# The library code is compiled once for all tests (compiled into each of
# them, it was some 2800 sanitizer builds, most of make check's build time).
UNIT_LIB_OBJS := $(patsubst $(TOP)/%.c,$(B)/tests/unit-obj/%.o,$(UNIT_LIB_SRCS))

$(B)/tests/unit-obj/%.o: $(TOP)/%.c $(VERSION_H) | deps
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) $(UNIT_CFLAGS) -MMD -MP -c $< -o $@

-include $(UNIT_LIB_OBJS:.o=.d)

$(B)/tests/unit/%: $(TOP)/tests/unit/%.c $(UNIT_LIB_OBJS) $(TOOLS_HDRS) | deps
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) $(UNIT_CFLAGS) $< $(UNIT_LIB_OBJS) -o $@ -lcmocka \
		$(TOOLS_HOST_LIBS)

.PHONY: unit
unit: $(UNIT_BINS)
CHECK_TARGETS += $(UNIT_BINS)

# test_ivnet builds the driver's protocol logic (driver/ivnet_proto.c) in
$(B)/tests/unit/test_ivnet: $(TOP)/driver/ivnet_proto.c \
	$(TOP)/driver/ivnet_proto.h
