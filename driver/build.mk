# SPDX-License-Identifier: GPL-2.0
# warden.ko, built against Debian's arm64 kernel headers out of tree. Kbuild
# writes next to the sources, so the build runs in a mirror under build/.

DRIVER_SRCS := $(wildcard $(TOP)/driver/*.c $(TOP)/driver/*.h) $(TOP)/driver/Kbuild
DRIVER_KO := $(B)/driver/warden.ko

# driver/hv_core.c builds the hypervisor's portable parser and placement in
$(DRIVER_KO): $(DRIVER_SRCS) $(wildcard $(TOP)/include/warden/*.h) \
		$(wildcard $(TOP)/hypervisor/core/*.c $(TOP)/hypervisor/include/warden/*.h) \
		$(DEPS_STAMP) | deps
	@mkdir -p $(B)/driver
	@for f in $(DRIVER_SRCS); do ln -sf $$f $(B)/driver/; done
	@$(MAKE) -s -C $(DEBIAN)/root/usr/src/linux-headers-$(KVER) \
		M=$(B)/driver ARCH=arm64 CROSS_COMPILE=$(CROSS_COMPILE) \
		WARDEN_DEBIAN_ROOT=$(DEBIAN)/root WARDEN_TOP=$(TOP) \
		WARDEN_VERSION=$(WARDEN_VERSION) modules
	@touch $@

ALL_TARGETS += $(DRIVER_KO)

.PHONY: driver
driver: $(DRIVER_KO)
