# SPDX-License-Identifier: GPL-2.0
#
# Warden: one `make` builds everything; `make check` tests it; `make demo`
# and `make run` boot it in QEMU. Each part of the tree describes its own
# build in a build.mk fragment included below.

TOP := $(CURDIR)
B := $(TOP)/build
VERSION := $(shell cat $(TOP)/VERSION)
GIT_REV := $(shell git -C $(TOP) describe --always --dirty 2>/dev/null)
WARDEN_VERSION := $(VERSION)$(if $(GIT_REV),-g$(GIT_REV))

CROSS_COMPILE ?= aarch64-linux-gnu-
CROSS_CC := $(CROSS_COMPILE)gcc
CROSS_OBJCOPY := $(CROSS_COMPILE)objcopy
HOST_CC ?= gcc

DEBIAN := $(B)/debian
DEPS_STAMP := $(DEBIAN)/.complete
KVER = $(shell cat $(DEBIAN)/KVER 2>/dev/null)

# Warnings shared by every C build (host, guest, freestanding).
WARN := -Wall -Wextra -Werror -Wno-unused-parameter
# The version string lives in a generated header that changes only when the
# version does, so that whatever includes it is rebuilt exactly then.
VERSION_H := $(B)/gen/warden-version.h
HOST_CFLAGS := -O2 -g -std=gnu11 $(WARN) -I$(TOP)/include -include $(VERSION_H)
GUEST_CFLAGS := -O2 -std=gnu11 $(WARN) -I$(TOP)/include -include $(VERSION_H)

# Quiet by default, like Kbuild: "make V=1" shows the commands.
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @printf '  %-8s %s\n' $(1) $(patsubst $(TOP)/%,%,$(2))
endif

export TOP B WARDEN_VERSION CROSS_COMPILE

MAKEFLAGS += --no-print-directory

.PHONY: all deps check check-build FORCE demo run bench mutate clean distclean format format-check help install fuzz
all:

# Everything that needs a package or the Debian kernel orders itself after
# this; it is fast and silent when nothing is missing.
deps:
	@$(TOP)/scripts/deps.sh

# Made by the deps run above; a second deps.sh in parallel (make -j) would
# race it for apt's lock.
$(DEPS_STAMP): | deps
	@:

$(VERSION_H): FORCE
	@mkdir -p $(dir $@)
	@echo '#define WARDEN_VERSION "$(WARDEN_VERSION)"' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

FORCE:

-include $(TOP)/hypervisor/build.mk
-include $(TOP)/driver/build.mk
-include $(TOP)/tools/build.mk
-include $(TOP)/configs/build.mk
-include $(TOP)/inmates/build.mk
-include $(TOP)/bench/build.mk
-include $(TOP)/tests/unit/build.mk
-include $(TOP)/tests/system/build.mk
-include $(TOP)/tests/fuzz/build.mk
-include $(TOP)/scripts/initramfs.mk

all: $(ALL_TARGETS)

# The build runs on every core even when make was called without -j (CI
# calls plain `make check`; serial, the build took 12 of its 43 minutes).
CHECK_JOBS ?= $(shell nproc)
check:
	@$(MAKE) -j$(CHECK_JOBS) check-build
	@$(TOP)/tests/run

# Everything check runs, built but not run (tests/mutate/run uses it).
check-build: all $(CHECK_TARGETS)

demo: all
	@$(TOP)/scripts/demo

# The Linux cell's kernel and initramfs go along (docs/cells.md, "A shell
# in a Linux cell").
run: all
	@$(TOP)/scripts/guest-run --interactive \
		--add $(B)/tests/guest/linux-cell-Image:/usr/lib/warden/linux/Image \
		--add $(B)/tests/guest/linux-cell-initrd.gz:/usr/lib/warden/linux/cell-initrd.gz

# The figures on QEMU virt's GICv3 and GICv2, each in its own results
# file (bench/run --gic); BENCH_GICS=3 for one.
BENCH_GICS ?= 3 2
bench: all
	@set -e; for g in $(BENCH_GICS); do $(TOP)/bench/run --gic $$g; done

# Deliberate breaks of isolation rules that the tests must catch (slow: a
# rebuild and a few QEMU tests each; not part of check).
mutate: all
	@$(TOP)/tests/mutate/run $(MUTATIONS)

# Into a target's root file system (an SD card, an NFS root, a staging
# directory): the layout the QEMU guest has, see scripts/install.
install: all
	@test -n "$(DESTDIR)" || { echo "make install needs DESTDIR=<the target's root file system>" >&2; exit 2; }
	@$(TOP)/scripts/install "$(DESTDIR)"

clean:
	rm -rf $(filter-out $(DEBIAN),$(wildcard $(B)/*))

distclean:
	rm -rf $(B)

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

# The C files clang-format (the repo's .clang-format) would change; tables
# it would make unreadable are fenced with /* clang-format off */ and
# /* clang-format on */. Not part of check: another clang-format version
# may format differently.
format-check:
	@bad=$$(git ls-files '*.c' '*.h' | while read -r f; do \
		clang-format --dry-run -Werror "$$f" >/dev/null 2>&1 || echo "$$f"; \
	done); \
	if [ -n "$$bad" ]; then \
		echo "format-check: clang-format would change these (make format):"; \
		echo "$$bad" | sed 's/^/  /'; exit 1; \
	fi; \
	echo "format-check: $$(git ls-files '*.c' '*.h' | wc -l) files as clang-format has them"

help:
	@echo "make          build hypervisor, driver, CLI, configs, inmates, initramfs"
	@echo "make deps     install Debian packages and fetch the Debian arm64 kernel"
	@echo "make check    host unit tests and QEMU system tests"
	@echo "make fuzz     every fuzz target for FUZZ_TIME seconds (default 300)"
	@echo "make demo     scripted demo in QEMU (exits by itself)"
	@echo "make run      interactive root shell in QEMU (Ctrl-A x quits)"
	@echo "make install DESTDIR=DIR  install into a target's root file system"
	@echo "make mutate   break isolation rules on purpose; the tests must notice"
	@echo "make format-check  the C files clang-format would change"
