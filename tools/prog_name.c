// SPDX-License-Identifier: GPL-2.0
/* Kept apart from main() so that unit tests can link the commands. */
#include "commands.h"

const char *prog_name = "warden";
