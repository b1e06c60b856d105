#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# tests/fuzz/config-fuzz.sh [SECONDS [LIBFUZZER-OPTIONS...]]: the config
# parser/checker target (tests/fuzz/run-fuzz.sh config).
exec "$(dirname "$0")/run-fuzz.sh" config "$@"
