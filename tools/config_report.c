// SPDX-License-Identifier: GPL-2.0
/* Collecting and printing the findings of "warden config check". */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "config_check.h"
#include "numparse.h"

/*
 * A finding that cannot be stored (out of memory) is still counted, so
 * that the exit status stays right; it goes to a static scratch entry.
 */
static struct config_finding lost;

struct config_finding *config_report_add(struct config_report *r,
					 enum finding_severity severity,
					 const char *check, const char *cell,
					 long region, const char *fmt, ...)
{
	struct config_finding *f = &lost;
	va_list ap;

	if (r->count == r->capacity) {
		unsigned int cap = r->capacity ? r->capacity * 2 : 16;
		void *p = realloc(r->findings, cap * sizeof(*f));

		if (p) {
			r->findings = p;
			r->capacity = cap;
		}
	}
	if (r->count < r->capacity)
		f = &r->findings[r->count++];
	memset(f, 0, sizeof(*f));
	f->severity = severity;
	f->check = check;
	f->region = region;
	snprintf(f->cell, sizeof(f->cell), "%s", cell ? cell : "");
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	if (severity == FINDING_ERROR)
		r->errors++;
	else
		r->advice++;
	return f;
}

unsigned int config_report_count(const struct config_report *r,
				 const char *check)
{
	unsigned int i, n = 0;

	for (i = 0; i < r->count; i++)
		n += !strcmp(r->findings[i].check, check);
	return n;
}

void config_report_free(struct config_report *r)
{
	free(r->findings);
	memset(r, 0, sizeof(*r));
}

static const char *severity_name(enum finding_severity s)
{
	return s == FINDING_ERROR ? "error" : "advice";
}

void config_report_print(const struct config_report *r, FILE *out)
{
	unsigned int i;

	for (i = 0; i < r->count; i++) {
		const struct config_finding *f = &r->findings[i];
		char size[32];

		fprintf(out, "%s: ", severity_name(f->severity));
		if (f->file[0])
			fprintf(out, "%s", f->file);
		else if (f->cell[0])
			fprintf(out, "cell \"%s\"", f->cell);
		else
			fprintf(out, "system");
		if (f->region >= 0)
			fprintf(out, ", region %ld", f->region);
		if (f->has_range)
			fprintf(out, ", 0x%llx-0x%llx (%s)",
				(unsigned long long)f->start,
				(unsigned long long)(f->start + f->size - 1),
				format_size(f->size, size, sizeof(size)));
		fprintf(out, ":\n  ");
		fprintf(out, "%s [%s]\n", f->message, f->check);
		if (f->fix[0])
			fprintf(out, "  fix: %s\n", f->fix);
	}
	/* errors: the hypervisor refuses; advice: it accepts */
	fprintf(out, "%u error%s, %u advice\n", r->errors,
		r->errors == 1 ? "" : "s", r->advice);
}

static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void config_report_json(const struct config_report *r, FILE *out)
{
	unsigned int i;

	fprintf(out, "{\"errors\": %u, \"advice\": %u, \"findings\": [",
		r->errors, r->advice);
	for (i = 0; i < r->count; i++) {
		const struct config_finding *f = &r->findings[i];
		char size[32];

		fprintf(out, "%s\n  {\"severity\": \"%s\", \"check\": ",
			i ? "," : "", severity_name(f->severity));
		json_string(out, f->check);
		fputs(", \"cell\": ", out);
		json_string(out, f->cell);
		if (f->file[0]) {
			fputs(", \"file\": ", out);
			json_string(out, f->file);
		}
		if (f->region >= 0)
			fprintf(out, ", \"region\": %ld", f->region);
		if (f->has_range) {
			fprintf(out,
				", \"start\": \"0x%llx\", \"end\": \"0x%llx\", "
				"\"size\": %llu, \"size_human\": \"%s\"",
				(unsigned long long)f->start,
				(unsigned long long)(f->start + f->size - 1),
				(unsigned long long)f->size,
				format_size(f->size, size, sizeof(size)));
		}
		fputs(", \"message\": ", out);
		json_string(out, f->message);
		fputs(", \"fix\": ", out);
		json_string(out, f->fix);
		fputc('}', out);
	}
	fprintf(out, "%s]}\n", r->count ? "\n" : "");
}
