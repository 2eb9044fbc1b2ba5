// escjson.c: gc's -json=0,DIR output for escape analysis: one file per source file,
// DIR/PKG/FILE.json (PKG the package path, URL-escaped; FILE the source file's base name
// without .go), in the LSP-diagnostic layout of gc's logopt package (version 0): a header
// line naming the package and file, then one JSON object per event, sorted by position
// (stably, so events at one position keep the order the analysis made them in):
//   - "leak": "parameter p leaks to R with derefs=N", the explanation as relatedInformation
//   - "escape": "X escapes to heap" found by the solver, with its explanation, and an
//     empty "escape" event for every allocation that ends on the heap
//   - "escapes": "X escapes to heap" found while the graph is built, with its flow.
// Each explanation line is an "escflow: " entry located at its innermost note (or at the
// flow's source when it has none). Events of gc's back end (bounds and nil checks) are not
// produced. A file without events gets no JSON file, as with gc.
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/base.h"
#include "escape/escpriv.h"

typedef struct Related {
	Pos pos;
	const char *msg;
} Related;

typedef struct Event {
	Pos pos;
	const char *code;
	const char *msg;
	VEC(Related) rel;
	int seq; // creation order, for a stable sort
} Event;

static const char *json_dir; // NULL: -json not given
static VEC(Event *) events;

// esc_set_json: see escape.h.
bool
esc_set_json(const char *spec)
{
	if (strncmp(spec, "0,", 2) != 0)
		return false;
	const char *dir = spec + 2;
	if (strncmp(dir, "file://", 7) == 0)
		dir += 7;
	if (!*dir)
		return false;
	json_dir = dir;
	return true;
}

// esc_json_enabled reports whether -json was given.
bool
esc_json_enabled(void)
{
	return json_dir != NULL;
}

// esc_json_begin starts an event; the relatedInformation of an explanation printed next
// is attached to it until esc_json_end.
void
esc_json_begin(EscBatch *b, Pos pos, const char *code, const char *fmt, ...)
{
	if (!json_dir)
		return;
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	Event *e = NEW(perm, Event);
	e->pos = pos;
	e->code = code;
	e->msg = arena_sprintf(perm, "%s", buf);
	e->seq = events.len;
	vec_push(perm, events, e);
	b->jcur = e;
}

// esc_json_related adds an "escflow: " line to the current event.
void
esc_json_related(EscBatch *b, Pos pos, const char *msg)
{
	Event *e = b->jcur;
	if (!e)
		return;
	Related r = {pos, arena_sprintf(perm, "escflow: %s", msg)};
	vec_push(perm, e->rel, r);
}

// esc_json_end closes the current event.
void
esc_json_end(EscBatch *b)
{
	b->jcur = NULL;
}

static void
put_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		case '<': fputs("\\u003c", f); break;
		case '>': fputs("\\u003e", f); break;
		case '&': fputs("\\u0026", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

static void
put_range(FILE *f, Pos p)
{
	fprintf(f, "{\"start\":{\"line\":%d,\"character\":%d},\"end\":{\"line\":%d,\"character\":%d}}",
		p.line, p.col, p.line, p.col);
}

static int
event_cmp(const void *a, const void *b)
{
	const Event *x = *(Event *const *)a, *y = *(Event *const *)b;
	if (x->pos.file != y->pos.file)
		return x->pos.file < y->pos.file ? -1 : 1;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

// url_escape: the package path as a directory name (Go's url.PathEscape).
static const char *
url_escape(const char *s)
{
	char *out = arena_alloc(perm, strlen(s) * 3 + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-_.~$&+,/:;=@", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	*o = 0;
	return out;
}

static void
mkdirs(const char *path)
{
	char *p = arena_sprintf(perm, "%s", path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		mkdir(p, 0777);
		*s = '/';
	}
	mkdir(p, 0777);
}

// esc_json_write writes the files of program p (see the file comment).
void
esc_json_write(Program *p)
{
	if (!json_dir || events.len == 0)
		return;
	qsort(events.v, (size_t)events.len, sizeof(Event *), event_cmp);
	const char *pkg = p->pkg && p->pkg->name ? p->pkg->name->name : "main";
	const char *dir = arena_sprintf(perm, "%s/%s", json_dir, url_escape(pkg));
	mkdirs(dir);
	for (int i = 0; i < events.len;) {
		int file = events.v[i]->pos.file;
		const char *path = file_path(events.v[i]->pos.file);
		const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
		size_t n = strlen(base);
		if (n > 3 && strcmp(base + n - 3, ".go") == 0)
			n -= 3;
		const char *out = arena_sprintf(perm, "%s/%.*s.json", dir, (int)n, base);
		FILE *f = fopen(out, "w");
		if (!f) {
			error_at(events.v[i]->pos, "open %s: %s", out, strerror(errno));
			return;
		}
		fprintf(f, "{\"version\":0,\"package\":");
		put_str(f, pkg);
		fprintf(f, ",\"goos\":\"linux\",\"goarch\":\"amd64\",\"gc_version\":\"go1.19.8\","
			   "\"file\":");
		put_str(f, path);
		fprintf(f, "}\n");
		for (; i < events.len && events.v[i]->pos.file == file; i++) {
			Event *e = events.v[i];
			fprintf(f, "{\"range\":");
			put_range(f, e->pos);
			fprintf(f, ",\"severity\":3,\"code\":");
			put_str(f, e->code);
			fprintf(f, ",\"source\":\"go compiler\",\"message\":");
			put_str(f, e->msg);
			if (e->rel.len) {
				fprintf(f, ",\"relatedInformation\":[");
				for (int k = 0; k < e->rel.len; k++) {
					Related *r = &e->rel.v[k];
					fprintf(f, "%s{\"location\":{\"uri\":", k ? "," : "");
					put_str(f, arena_sprintf(perm, "file://%s", file_path(r->pos.file)));
					fprintf(f, ",\"range\":");
					put_range(f, r->pos);
					fprintf(f, "},\"message\":");
					put_str(f, r->msg);
					fprintf(f, "}");
				}
				fprintf(f, "]");
			}
			fprintf(f, "}\n");
		}
		fclose(f);
	}
}
