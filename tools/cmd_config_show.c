// SPDX-License-Identifier: GPL-2.0
/* warden config show FILE.cell */
#include <stdio.h>

#include "commands.h"
#include "config_file.h"
#include "config_show.h"

int cmd_config_show(int argc, char **argv)
{
	struct config_file f;
	int i, status = 0;

	if (argc < 2) {
		fprintf(stderr, "Usage: %s config show FILE.cell...\n",
			prog_name);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (config_file_load(&f, argv[i], WARDEN_CONFIG_ANY)) {
			fprintf(stderr, "%s: %s: %s\n", prog_name, argv[i],
				f.error);
			status = 1;
		} else {
			if (i > 1)
				printf("\n");
			printf("%s: ", argv[i]);
			config_show(&f.cfg, stdout);
		}
		config_file_free(&f);
	}
	return status;
}
