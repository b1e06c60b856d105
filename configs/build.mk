# SPDX-License-Identifier: GPL-2.0
# Cell configurations: every configs/arm64/*.c is one C struct in .data;
# its bytes are the .cell file (format: include/jailhouse/cell-config.h,
# docs/config-format.md). The initramfs installs them into /etc/warden/.

CONFIG_SRCS := $(wildcard $(TOP)/configs/arm64/*.c)
CONFIG_CELLS := $(patsubst $(TOP)/configs/arm64/%.c,$(B)/configs/%.cell,\
	$(CONFIG_SRCS))
# The flags Jailhouse builds configs with, so that a config that builds
# there builds here too.
CONFIG_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -fno-common \
	-D__LINUX_COMPILER_TYPES_H -I$(TOP)/include
CONFIG_HDRS := $(wildcard $(TOP)/include/jailhouse/*.h)

$(B)/configs/%.o: $(TOP)/configs/arm64/%.c $(CONFIG_HDRS) | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(CONFIG_CFLAGS) -MMD -MP -MF $(@:.o=.d) -c $< -o $@

# A config that includes another (qemu-virt-gicv2.c, qemu-virt-16.c) is
# rebuilt when the one it includes changes.
-include $(wildcard $(B)/configs/*.d)

$(B)/configs/%.cell: $(B)/configs/%.o
	$(CROSS_OBJCOPY) -O binary --remove-section=.note.gnu.property $< $@

.PHONY: configs
configs: $(CONFIG_CELLS)
ALL_TARGETS += $(CONFIG_CELLS)

# The unit test compiles these sources too (byte-exactness, checks).
$(B)/tests/unit/test_config_files: $(CONFIG_SRCS) \
	$(wildcard $(TOP)/tests/unit/config_sources/*.c)
