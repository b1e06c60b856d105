// SPDX-License-Identifier: GPL-2.0
/* Reading /proc/iomem ("  40000000-6fffffff : System RAM"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_create.h"

int iomem_parse(struct iomem *io, const char *text, char *err, size_t errlen)
{
	unsigned int lineno = 0, nonzero = 0;
	const char *p = text;

	io->n = 0;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		struct iomem_line *l;
		char line[256], *q, *dash, *colon, *end;
		unsigned int spaces = 0;

		lineno++;
		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		p += len + (eol ? 1 : 0);
		if (!line[0])
			continue;
		while (line[spaces] == ' ')
			spaces++;
		q = line + spaces;
		dash = strchr(q, '-');
		colon = strstr(q, " : ");
		if (!dash || !colon || dash > colon || !isxdigit(*q)) {
			snprintf(err, errlen,
				 "iomem line %u is not \"START-END : NAME\": "
				 "\"%s\"",
				 lineno, line);
			return -1;
		}
		if (io->n == CC_MAX_IOMEM) {
			snprintf(err, errlen, "iomem: more than %d lines",
				 CC_MAX_IOMEM);
			return -1;
		}
		l = &io->lines[io->n];
		l->start = strtoull(q, &end, 16);
		if (end != dash)
			goto bad;
		l->end = strtoull(dash + 1, &end, 16);
		while (*end == ' ')
			end++;
		if (end != colon + 1 || l->end < l->start)
			goto bad;
		l->depth = spaces / 2;
		l->lineno = lineno;
		snprintf(l->name, sizeof(l->name), "%s", colon + 3);
		nonzero |= l->end != 0;
		io->n++;
		continue;
bad:
		snprintf(err, errlen, "iomem line %u has a bad range: \"%s\"",
			 lineno, line);
		return -1;
	}
	if (io->n && !nonzero) {
		snprintf(err, errlen,
			 "iomem shows only zero addresses: it was read without "
			 "root rights (run \"warden config collect\" as root)");
		return -1;
	}
	return 0;
}
