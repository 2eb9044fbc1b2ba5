// diag.c: the diagnostic sink. Messages are buffered, then at every phase boundary sorted
// by position (stable, so arrival order breaks ties), deduplicated and printed to stderr
// as "path:line:col: message" — gc's form. After 10 errors the compiler prints
// "too many errors" and exits 1 (unless -e). Internal errors flush what is pending, name
// the pass and exit 2.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

typedef struct Diag {
	Pos pos;
	const char *msg;
	bool error; // counts toward the error limit
	int seq;    // arrival order
} Diag;

bool diag_no_limit;
bool diag_abort_ice;
const char *diag_pass;

static VEC(Diag) pending;
static int nerrors;  // errors printed or pending, over the whole run
static int nprinted; // errors already printed
static int seq;

static int
diag_cmp(const void *a, const void *b)
{
	const Diag *x = a, *y = b;
	int c = pos_cmp(x->pos, y->pos);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
print_one(const Diag *d)
{
	if (d->pos.file)
		fprintf(stderr, "%s: %s\n", pos_string(d->pos), d->msg);
	else
		fprintf(stderr, "%s\n", d->msg);
}

// diag_flush prints pending diagnostics sorted by position, without duplicates, and
// stops the compiler after the tenth error.
void
diag_flush(void)
{
	if (pending.len > 1)
		qsort(pending.v, (size_t)pending.len, sizeof(Diag), diag_cmp);
	for (int i = 0; i < pending.len; i++) {
		Diag *d = &pending.v[i];
		bool dup = false;
		for (int j = i - 1; j >= 0 && pos_cmp(pending.v[j].pos, d->pos) == 0; j--)
			if (strcmp(pending.v[j].msg, d->msg) == 0)
				dup = true;
		if (dup)
			continue;
		print_one(d);
		if (d->error && ++nprinted >= 10 && !diag_no_limit) {
			fflush(stdout);
			fprintf(stderr, "%s: too many errors\n", pos_string(d->pos));
			exit(1);
		}
	}
	pending.len = 0;
	fflush(stderr);
}

static void
add(Pos pos, bool error, const char *fmt, va_list ap)
{
	Diag d = {pos, arena_vsprintf(perm, fmt, ap), error, seq++};
	vec_push(perm, pending, d);
	if (error)
		nerrors++;
}

// error_at records a user error at pos; compilation goes on until the phase ends.
void
error_at(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(pos, true, fmt, ap);
	va_end(ap);
}

// warn_at records a note (-m output) at pos; it is sorted together with errors.
void
warn_at(Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(pos, false, fmt, ap);
	va_end(ap);
}

// fatal_at reports an internal compiler error naming the running pass and exits 2.
noreturn void
fatal_at(Pos pos, const char *fmt, ...)
{
	diag_flush();
	va_list ap;
	va_start(ap, fmt);
	char *msg = arena_vsprintf(perm, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: internal compiler error: %s%s%s\n",
		pos.file ? pos_string(pos) : "gosub", diag_pass ? diag_pass : "",
		diag_pass ? ": " : "", msg);
	if (diag_abort_ice)
		abort();
	exit(2);
}

// die reports a tool error (bad flag, unreadable file) and exits 1.
noreturn void
die(const char *fmt, ...)
{
	diag_flush();
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "gosub: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

// diag_stop flushes and reports whether any error was reported so far.
bool
diag_stop(void)
{
	diag_flush();
	return nerrors > 0;
}

int
diag_nerrors(void)
{
	return nerrors;
}
