# SPDX-License-Identifier: GPL-2.0
# Helpers that system tests place in the guest with
# "# add: build/tests/guest/NAME:NAME": static aarch64 programs for requests
# the warden CLI never makes (e.g. a load whose source becomes unreadable).

SYSTEST_HELPER_SRCS := $(wildcard $(TOP)/tests/system/helpers/*.c)
SYSTEST_HELPERS := $(patsubst $(TOP)/tests/system/helpers/%.c, \
	$(B)/tests/guest/%,$(SYSTEST_HELPER_SRCS))

$(B)/tests/guest/%: $(TOP)/tests/system/helpers/%.c $(VERSION_H) \
		$(wildcard $(TOP)/include/warden/*.h) | deps
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(CROSS_CC) $(GUEST_CFLAGS) -static $< -o $@

ALL_TARGETS += $(SYSTEST_HELPERS)
