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

# What cell-linux.sh boots in a Linux cell: the root's own Debian kernel
# and a busybox initramfs with tests/system/linux-cell/init, the cell's
# console module (warden_hvc.ko), Warden's module (warden.ko with uio.ko:
# the cell's ivshmem devices), the ivshmem-demo tool and the CLI with
# qemu-virt.cell (to show that an enable in a cell is refused), installed
# where scripts/install puts them.
LINUX_CELL_KERNEL := $(B)/tests/guest/linux-cell-Image
LINUX_CELL_INITRD := $(B)/tests/guest/linux-cell-initrd.gz

$(LINUX_CELL_KERNEL): $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)cp $(DEBIAN)/root/boot/vmlinuz-$(KVER) $@

$(LINUX_CELL_INITRD): $(TOP)/tests/system/linux-cell/init $(WARDEN_HVC_KO) \
		$(DRIVER_KO) $(DEMOS) $(CLI_GUEST) $(B)/configs/qemu-virt.cell \
		$(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(call say,CPIO,$@)
	$(Q)rm -rf $@.d && mkdir -p $@.d/bin $@.d/usr/lib/warden/demos \
		$@.d/usr/sbin $@.d/etc/warden && \
		cp $(CLI_GUEST) $@.d/usr/sbin/warden && \
		cp $(B)/configs/qemu-virt.cell $@.d/etc/warden/ && \
		cp $(DEBIAN)/root/bin/busybox $@.d/bin/busybox && \
		cp $(WARDEN_HVC_KO) $@.d/warden_hvc.ko && \
		cp $(DRIVER_KO) $@.d/warden.ko && \
		cp $(DEBIAN)/root/lib/modules/$(KVER)/kernel/drivers/uio/uio.ko \
			$@.d/uio.ko && \
		cp $(DEMOS) $@.d/usr/lib/warden/demos/ && \
		install -m 0755 $< $@.d/init && \
		(cd $@.d && find . | LC_ALL=C sort | \
			cpio -o -H newc -R 0:0 --quiet | gzip -1) >$@ && \
		rm -rf $@.d

ALL_TARGETS += $(LINUX_CELL_KERNEL) $(LINUX_CELL_INITRD)

# A linux-demo cell config in Jailhouse's layout and the DTB a user would
# bring for it (cell-linux-jailhouse.sh: "cell linux -d").
LINUX_JH := $(B)/tests/guest/jailhouse-qemu-arm64-linux-demo
$(LINUX_JH).cell: $(TOP)/tests/data/linux/jailhouse-qemu-arm64-linux-demo.c \
		$(CONFIG_HDRS) | deps
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(CONFIG_CFLAGS) -c $< -o $(LINUX_JH).o
	$(CROSS_OBJCOPY) -O binary --remove-section=.note.gnu.property \
		$(LINUX_JH).o $@
	@rm -f $(LINUX_JH).o
$(LINUX_JH).dtb: $(TOP)/tests/data/linux/jailhouse-qemu-arm64-linux-demo.dts \
		| deps
	@mkdir -p $(dir $@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<
ALL_TARGETS += $(LINUX_JH).cell $(LINUX_JH).dtb
