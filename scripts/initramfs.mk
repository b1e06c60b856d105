# SPDX-License-Identifier: GPL-2.0
# The guest's initramfs: everything above, installed as a user would.

INITRAMFS := $(B)/initramfs.cpio.gz

$(INITRAMFS): $(DRIVER_KO) $(HV_BIN) $(CLI_GUEST) $(DEMOS) $(CONFIG_CELLS) \
		$(INMATE_BINS) $(WARDEN_HVC_KO) $(TOP)/scripts/initramfs/init \
		$(TOP)/scripts/mkinitramfs
	$(call say,CPIO,$@)
	$(Q)$(TOP)/scripts/mkinitramfs $@

.PHONY: initramfs
initramfs: $(INITRAMFS)
ALL_TARGETS += $(INITRAMFS)
