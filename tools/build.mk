# SPDX-License-Identifier: GPL-2.0
# The warden CLI: a static aarch64 binary for the guest and a host build
# (build/host/warden) for config tools and tests. Every tools/*.c is part of
# it, plus the portable hypervisor core (the config parser lives there).
# Files named *-dw.c need elfutils and go into the host build only; their
# *-none.c counterparts stand in for them in the static guest build.

TOOLS_ALL := $(wildcard $(TOP)/tools/*.c)
TOOLS_HOST_ONLY := $(filter %-dw.c,$(TOOLS_ALL))
TOOLS_GUEST_ONLY := $(filter %-none.c,$(TOOLS_ALL))
TOOLS_SRCS := $(filter-out $(TOOLS_HOST_ONLY) $(TOOLS_GUEST_ONLY),$(TOOLS_ALL)) \
	$(HV_CORE_SRCS)
TOOLS_HOST_LIBS := -ldw -lelf
TOOLS_HDRS := $(VERSION_H) $(wildcard $(TOP)/tools/*.h $(TOP)/include/*/*.h \
	$(TOP)/hypervisor/include/*/*.h)
TOOLS_INC := -I$(TOP)/tools -I$(TOP)/hypervisor/include
CLI_GUEST := $(B)/guest/warden
CLI_HOST := $(B)/host/warden

$(CLI_GUEST): $(TOOLS_SRCS) $(TOOLS_GUEST_ONLY) $(TOOLS_HDRS) | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(GUEST_CFLAGS) $(TOOLS_INC) -static $(TOOLS_SRCS) \
		$(TOOLS_GUEST_ONLY) -o $@

$(CLI_HOST): $(TOOLS_SRCS) $(TOOLS_HOST_ONLY) $(TOOLS_HDRS) | deps
	@mkdir -p $(dir $@)
	$(call say,HOSTCC,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) $(TOOLS_INC) $(TOOLS_SRCS) \
		$(TOOLS_HOST_ONLY) -o $@ $(TOOLS_HOST_LIBS)

.PHONY: tools
tools: $(CLI_GUEST) $(CLI_HOST)
ALL_TARGETS += $(CLI_GUEST) $(CLI_HOST)

# Demo programs, installed to /usr/lib/warden/demos (static like the CLI).
DEMOS := $(B)/guest/demos/ivshmem-demo

$(B)/guest/demos/%: $(TOP)/tools/demos/%.c | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(GUEST_CFLAGS) -static $< -o $@

.PHONY: demos
demos: $(DEMOS)
ALL_TARGETS += $(DEMOS)
