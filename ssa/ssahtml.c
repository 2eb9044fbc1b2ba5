// ssahtml.c: the SSA explorer page, one self-contained HTML file for one function
// (`gosub ssa -html out.html -func F file.go`, or `GOSSAFUNC=F gosub build file.go`
// writing ssa.html, gc's habit).
//
// The page holds, left to right: the function's source lines, its AST, the SSA as the
// builder left it (getvar/setvar: before phis), one column per pass, the dominance panel
// (dominator tree and the report of ssadom.c: frontiers, phi reasons, renaming) and the
// escape panel (every allocation with its decision and the -m=2 lines explaining it,
// and the escape graph of escape/escdot.c). Each SSA column can show its CFG as SVG,
// drawn by Graphviz (`dot -Tsvg`, found on PATH) from ssadot.c's DOT, and so is the
// escape graph; without graphviz the DOT text is shown instead.
//
// Everything is inline (CSS, JS, SVG): the file works from file:// with no network.
// Clicking a value (vN), a block (bN) or a source line highlights it in every column:
// each reference carries the class of what it names ("v12", "b3"; value lines also "L8"
// for their source line), and the script toggles a colour class on every element with
// that class. Colours cycle through a small palette so several things can be followed.
//
// The dumps are ssadump.c's text (ssa_dump_block), tokenised for references, so the page
// never disagrees with `gosub ssa`. Output is deterministic (ids, source order, dot's
// own deterministic layout).
//
// Requires: the observer (ssa_html_observe) registered in SsaRunOptions for the passes,
// with the -m=2 text (captured by ssa_html_capture around esc_analyze) given by
// ssa_html_set_escape and the escape graph (esc_dot) by ssa_html_set_escape_dot. Shown
// by: the commands above.
#define _DEFAULT_SOURCE // open_memstream, dup, fileno, mkstemps
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

typedef struct HtmlCol {
	const char *pass;   // pass name ("build" for the builder's output)
	const char *html;   // the dump, tokenised
	const char *dot;    // CFG as DOT
	const char *text;   // the plain dump, to detect "unchanged"
} HtmlCol;

struct SsaHtml {
	const char *funcname;   // the -func filter
	Func *f;                // the function shown (first match)
	VEC(HtmlCol) cols;
	const char *domtext;    // ssadom.c's report
	const char *domdot;     // dominator tree DOT
	const char *esctext;    // captured -m=2 output (every function)
	const char *escdot;     // the function's escape graph (escdot.c), or NULL
	VEC(Value *) allocs;    // OF_ALLOC values after escape analysis, in dump order
	VEC(const char *) alloctext; // their dump lines
	int firstline, lastline; // the function's source lines
	int file;               // its file index
	const char *ast;        // ast_dump output
};

// ---- small helpers ----

static char *
memstream_text(FILE *m, char **buf, size_t *len)
{
	fclose(m);
	char *r = arena_strndup(perm, *buf, *len);
	free(*buf);
	return r;
}

typedef VEC(char) Str;

static void
str_add(Str *s, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vec_push(perm, *s, t[i]);
}

static void
str_puts(Str *s, const char *t)
{
	str_add(s, t, strlen(t));
}

static void
str_esc(Str *s, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (t[i]) {
		case '&': str_puts(s, "&amp;"); break;
		case '<': str_puts(s, "&lt;"); break;
		case '>': str_puts(s, "&gt;"); break;
		case '"': str_puts(s, "&quot;"); break;
		default: vec_push(perm, *s, t[i]);
		}
	}
}

static const char *
str_done(Str *s)
{
	vec_push(perm, *s, '\0');
	return s->v;
}

static bool
is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

// tokens appends line t (n bytes) escaped, with every vN / bN wrapped in a span naming it.
static void
tokens(Str *s, const char *t, size_t n)
{
	size_t i = 0;
	while (i < n) {
		char c = t[i];
		if ((c == 'v' || c == 'b') && (i == 0 || !is_word(t[i - 1])) && i + 1 < n &&
		    t[i + 1] >= '0' && t[i + 1] <= '9') {
			size_t j = i + 1;
			while (j < n && t[j] >= '0' && t[j] <= '9')
				j++;
			if (j == n || !is_word(t[j])) {
				char cls[32];
				snprintf(cls, sizeof cls, "%s %.*s", c == 'v' ? "vr" : "br",
					 (int)(j - i), t + i);
				str_puts(s, "<span class=\"");
				str_puts(s, cls);
				str_puts(s, "\">");
				str_add(s, t + i, j - i);
				str_puts(s, "</span>");
				i = j;
				continue;
			}
		}
		str_esc(s, t + i, 1);
		i++;
	}
}

// ---- recording (the pass observer) ----

// ssa_html_new starts a page for the function funcname names (a -func filter).
SsaHtml *
ssa_html_new(const char *funcname)
{
	SsaHtml *h = NEW(perm, SsaHtml);
	h->funcname = funcname;
	return h;
}

// ssa_html_set_escape records the -m=2 output of escape analysis for the page.
void
ssa_html_set_escape(SsaHtml *h, const char *text)
{
	h->esctext = text;
}

// ssa_html_set_escape_dot records the function's escape graph (DOT) for the page.
void
ssa_html_set_escape_dot(SsaHtml *h, const char *dot)
{
	h->escdot = dot;
}

// dump_html renders f's current state as tokenised HTML (one div per line).
static const char *
dump_html(Func *f, const char **plain)
{
	Str s = {0}, p = {0};
	BlockList order = ssa_dump_order(f);
	for (int bi = 0; bi < order.len; bi++) {
		Block *b = order.v[bi];
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m)
			die("open_memstream failed");
		ssa_dump_block(f, b, false, m);
		const char *text = memstream_text(m, &buf, &len);
		str_puts(&p, text);
		// Line 0: block header; then one line per value; then the terminator.
		const char *line = text;
		int k = 0;
		char cls[96];
		snprintf(cls, sizeof cls, "<div class=\"blk\" data-b=\"b%d\">", b->id);
		str_puts(&s, cls);
		while (*line) {
			const char *nl = strchr(line, '\n');
			size_t n = nl ? (size_t)(nl - line) : strlen(line);
			if (k == 0) {
				snprintf(cls, sizeof cls, "<div class=\"ln bh\">");
			} else if (k - 1 < b->values.len) {
				Value *v = b->values.v[k - 1];
				snprintf(cls, sizeof cls, "<div class=\"ln vl v%d L%d\" data-line=\"%d\">",
					 v->id, v->pos.line, v->pos.line);
			} else {
				snprintf(cls, sizeof cls, "<div class=\"ln term\">");
			}
			str_puts(&s, cls);
			tokens(&s, line, n);
			str_puts(&s, "</div>\n");
			k++;
			line += n + (nl ? 1 : 0);
		}
		str_puts(&s, "</div>\n");
	}
	*plain = str_done(&p);
	return str_done(&s);
}

static const char *
dot_text(Func *f, const char *what, const char *pass)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		die("open_memstream failed");
	ssa_dump_dot(f, what, pass, m);
	return memstream_text(m, &buf, &len);
}

// record_allocs lists f's allocation values (escape analysis has marked them).
static void
record_allocs(SsaHtml *h, Func *f)
{
	BlockList order = ssa_dump_order(f);
	for (int bi = 0; bi < order.len; bi++) {
		Block *b = order.v[bi];
		for (int i = 0; i < b->values.len; i++) {
			Value *v = b->values.v[i];
			if (!(op_flags[v->op] & OF_ALLOC))
				continue;
			vec_push(perm, h->allocs, v);
			// The value's dump line: dump the block and pick line i + 1.
			char *buf = NULL;
			size_t len = 0;
			FILE *m = open_memstream(&buf, &len);
			if (!m)
				die("open_memstream failed");
			ssa_dump_block(f, b, false, m);
			const char *text = memstream_text(m, &buf, &len);
			for (int k = 0; k <= i && text; k++) {
				text = strchr(text, '\n');
				if (text)
					text++;
			}
			const char *nl = text ? strchr(text, '\n') : NULL;
			vec_push(perm, h->alloctext,
				 text ? arena_strndup(perm, text, nl ? (size_t)(nl - text)
								   : strlen(text))
				      : "?");
		}
	}
}

// capture_output runs fn(arg) with stdout and stderr (both) going to a temporary file
// and returns what was written, in order.
static const char *
capture_output(void (*fn)(void *), void *arg)
{
	fflush(stdout);
	fflush(stderr);
	FILE *tmp = tmpfile();
	if (!tmp)
		return "";
	int saved1 = dup(1), saved2 = dup(2);
	if (saved1 < 0 || saved2 < 0 || dup2(fileno(tmp), 1) < 0 || dup2(fileno(tmp), 2) < 0) {
		fclose(tmp);
		return "";
	}
	fn(arg);
	fflush(stdout);
	fflush(stderr);
	dup2(saved1, 1);
	dup2(saved2, 2);
	close(saved1);
	close(saved2);
	long n = ftell(tmp);
	if (n < 0)
		n = 0;
	char *buf = NEWARR(perm, char, n + 1);
	rewind(tmp);
	size_t got = fread(buf, 1, (size_t)n, tmp);
	buf[got] = '\0';
	fclose(tmp);
	return buf;
}

static void
call_ast_dump(void *n)
{
	ast_dump(n, 0);
}

typedef struct Captured {
	void (*fn)(void *); // what to run
	void *arg;
} Captured;

static void
run_and_flush(void *c_)
{
	Captured *c = c_;
	c->fn(c->arg);
	diag_flush();
}

// ssa_html_capture runs fn(arg), then flushes pending diagnostics, with stdout and
// stderr captured into the returned string (escape analysis' -m=2 output goes to both).
const char *
ssa_html_capture(void (*fn)(void *), void *arg)
{
	Captured c = {fn, arg};
	return capture_output(run_and_flush, &c);
}

// ssa_html_observe records f after pass for the page (SsaRunOptions.observe; ctx is
// the SsaHtml). Only the first function matching the filter is shown.
void
ssa_html_observe(Func *f, const char *pass, void *trace, void *ctx)
{
	SsaHtml *h = ctx;
	if (h->f && h->f != f)
		return;
	if (!h->f) {
		h->f = f;
		h->file = f->pos.file;
		h->firstline = f->pos.line;
		h->lastline = f->pos.line;
		if (f->info && f->info->decl) {
			Node *d = f->info->decl;
			h->file = d->pos.file;
			h->firstline = d->pos.line;
			Node *body = d->kind == N_FUNCDECL ? d->u.funcdecl.body
				   : d->kind == N_FUNCLIT  ? d->u.func.body
							   : NULL;
			if (body && body->kind == N_BLOCK && body->u.block.rbrace.line)
				h->lastline = body->u.block.rbrace.line;
			h->ast = capture_output(call_ast_dump, d);
		}
	}
	if (strcmp(pass, "build") == 0)
		record_allocs(h, f);
	HtmlCol c = {pass, NULL, NULL, NULL};
	c.html = dump_html(f, &c.text);
	c.dot = dot_text(f, "cfg", pass);
	vec_push(perm, h->cols, c);
	if (trace) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m)
			die("open_memstream failed");
		ssa_dump_dom(f, trace, m);
		h->domtext = memstream_text(m, &buf, &len);
		h->domdot = dot_text(f, "dom", pass);
	}
}

// ---- writing ----

// run_dot returns dot's SVG for the DOT text src, or NULL when graphviz is missing or
// fails. The XML prologue is dropped so the SVG can be inlined.
static const char *
run_dot(const char *src)
{
	char in[] = "/tmp/gosub-dot-XXXXXX.dot", out[] = "/tmp/gosub-dot-XXXXXX.svg";
	int fi = mkstemps(in, 4);
	if (fi < 0)
		return NULL;
	int fo = mkstemps(out, 4);
	if (fo < 0) {
		close(fi);
		unlink(in);
		return NULL;
	}
	close(fo);
	size_t n = strlen(src);
	bool ok = write(fi, src, n) == (ssize_t)n;
	close(fi);
	const char *svg = NULL;
	if (ok) {
		fflush(stdout);
		fflush(stderr);
		pid_t pid = fork();
		if (pid == 0) {
			int nul = open("/dev/null", O_WRONLY);
			if (nul >= 0)
				dup2(nul, 2);
			execlp("dot", "dot", "-Tsvg", "-o", out, in, (char *)NULL);
			_exit(127);
		}
		int st = 0;
		while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		if (pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) {
			size_t len;
			char *text = file_read(out, &len);
			if (text) {
				const char *start = strstr(text, "<svg");
				if (start) // file_read's text lives in the permanent arena
					svg = arena_strndup(perm, start, len - (size_t)(start - text));
			}
		}
	}
	unlink(in);
	unlink(out);
	return svg;
}

// svg_classes turns dot's node ids into highlight keys: "dot_b3" (CFG blocks) into
// data-b="b3", "dot_L12.l5" (escape graph locations, escdot.c) into data-b="L12".
static const char *
svg_classes(const char *svg)
{
	Str s = {0};
	const char *p = svg;
	for (;;) {
		const char *q = strstr(p, "id=\"dot_");
		if (!q) {
			str_puts(&s, p);
			break;
		}
		str_add(&s, p, (size_t)(q - p));
		const char *e = q + 8; // after "dot_"
		const char *end = strchr(e, '"');
		if (!end) {
			str_puts(&s, q);
			break;
		}
		const char *dot = memchr(e, '.', (size_t)(end - e));
		str_puts(&s, "data-b=\"");
		str_add(&s, e, (size_t)((dot ? dot : end) - e));
		str_puts(&s, "\"");
		p = end + 1;
	}
	return str_done(&s);
}

static void
graph(FILE *out, const char *dot, bool *havedot)
{
	const char *svg = *havedot ? run_dot(dot) : NULL;
	if (!svg)
		*havedot = false;
	if (svg) {
		fputs(svg_classes(svg), out);
	} else {
		Str s = {0};
		str_esc(&s, dot, strlen(dot));
		fprintf(out, "<p class=\"note\">graphviz (dot) is not installed: the DOT text "
			     "follows; <code>dot -Tsvg</code> draws it.</p><pre>%s</pre>",
			str_done(&s));
	}
}

static const char page_css[] =
	"body{font-family:sans-serif;margin:0;font-size:13px}\n"
	"h1{font-size:16px;margin:6px 10px}\n"
	"#help{margin:0 10px 6px;color:#555}\n"
	"#cols{display:flex;align-items:flex-start;overflow-x:auto;padding:0 6px}\n"
	".col{border:1px solid #ccc;margin:3px;padding:4px;min-width:120px;flex:none}\n"
	".col h2{font-size:13px;margin:0 0 4px;cursor:pointer;background:#eee;padding:2px}\n"
	".col.collapsed>*:not(h2){display:none}\n"
	".col.collapsed{min-width:0;writing-mode:vertical-lr}\n"
	".col.same h2{color:#888}\n"
	"pre,.dump{font-family:monospace;font-size:12px;white-space:pre;margin:0}\n"
	".dump{white-space:normal}\n"
	".blk{margin-bottom:4px}\n"
	".ln,.src{white-space:pre}\n"
	".vr,.br,.src{cursor:pointer}\n"
	".vr:hover,.br:hover,.src:hover{text-decoration:underline}\n"
	".src .num{color:#999;display:inline-block;width:3em;text-align:right;"
	"margin-right:6px}\n"
	".note{color:#777;font-style:italic}\n"
	".heap{color:#b00;font-weight:bold}.stack{color:#070;font-weight:bold}\n"
	"details{margin-top:6px}summary{cursor:pointer;color:#036}\n"
	".hl1{background:#ffef6e}.hl2{background:#9be7ff}.hl3{background:#c7f7a1}\n"
	".hl4{background:#ffb3c7}.hl5{background:#e0c3ff}.hl6{background:#ffd59e}\n"
	"g.hl1 polygon{fill:#ffef6e}g.hl2 polygon{fill:#9be7ff}g.hl3 polygon{fill:#c7f7a1}\n"
	"g.hl4 polygon{fill:#ffb3c7}g.hl5 polygon{fill:#e0c3ff}g.hl6 polygon{fill:#ffd59e}\n"
	"table.esc{border-collapse:collapse}table.esc td{border:1px solid #ddd;padding:2px 4px;"
	"vertical-align:top;font-family:monospace;font-size:12px}\n";

// The script: a click on a reference or a source line toggles a highlight colour on
// every element of the same key (class "vN", "bN" or "LN"; SVG nodes carry data-b:
// CFG blocks "bN", escape graph locations the "LN" of their line).
static const char page_js[] =
	"'use strict';\n"
	"var used = {}, next = 0;\n"
	"function elems(key) {\n"
	"  var l = Array.prototype.slice.call(document.getElementsByClassName(key));\n"
	"  return l.concat(Array.prototype.slice.call(\n"
	"    document.querySelectorAll('g[data-b=\"' + key + '\"]')));\n"
	"}\n"
	"function toggle(key) {\n"
	"  var c = used[key];\n"
	"  if (c) {\n"
	"    elems(key).forEach(function (e) { e.classList.remove(c); });\n"
	"    delete used[key];\n"
	"    return;\n"
	"  }\n"
	"  c = 'hl' + (next % 6 + 1);\n"
	"  next++;\n"
	"  used[key] = c;\n"
	"  elems(key).forEach(function (e) { e.classList.add(c); });\n"
	"}\n"
	"function keyOf(e) {\n"
	"  for (; e && e !== document; e = e.parentNode) {\n"
	"    if (!e.classList) continue;\n"
	"    if (e.classList.contains('vr') || e.classList.contains('br')) return e.classList[1];\n"
	"    if (e.classList.contains('src')) return e.classList[1];\n"
	"    if (e.getAttribute && e.getAttribute('data-b') && e.tagName === 'g')\n"
	"      return e.getAttribute('data-b');\n"
	"  }\n"
	"  return null;\n"
	"}\n"
	"document.addEventListener('click', function (ev) {\n"
	"  var t = ev.target;\n"
	"  if (t.tagName === 'H2' && t.parentNode.classList.contains('col')) {\n"
	"    t.parentNode.classList.toggle('collapsed');\n"
	"    return;\n"
	"  }\n"
	"  var k = keyOf(t);\n"
	"  if (k) toggle(k);\n"
	"});\n";

static void
write_source(SsaHtml *h, FILE *out)
{
	size_t len;
	const char *text = h->file ? file_text(h->file, &len) : NULL;
	fputs("<div class=\"col\" id=\"source\"><h2>source</h2><div class=\"dump\">", out);
	if (!text) {
		fputs("<p class=\"note\">no source</p></div></div>\n", out);
		return;
	}
	const char *path = file_path(h->file);
	Str s = {0};
	str_esc(&s, path, strlen(path));
	fprintf(out, "<div class=\"note\">%s</div>", str_done(&s));
	int line = 1;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (line >= h->firstline && line <= h->lastline) {
			Str l = {0};
			str_esc(&l, p, n);
			fprintf(out, "<div class=\"src L%d\"><span class=\"num\">%d</span>%s</div>\n",
				line, line, str_done(&l));
		}
		line++;
		p += n + (nl ? 1 : 0);
	}
	fputs("</div></div>\n", out);
}

static void
write_pre_col(FILE *out, const char *id, const char *title, const char *text)
{
	Str s = {0};
	if (text)
		tokens(&s, text, strlen(text));
	fprintf(out, "<div class=\"col\" id=\"%s\"><h2>%s</h2><pre>%s</pre>", id, title,
		text ? str_done(&s) : "");
}

// escape_lines: the -m=2 lines reported at line `line` of the function's file.
static const char *
escape_lines(SsaHtml *h, int line)
{
	Str s = {0};
	if (!h->esctext || !h->file)
		return "";
	const char *path = file_path(h->file);
	char want[64];
	snprintf(want, sizeof want, ":%d:", line);
	size_t pl = strlen(path);
	const char *p = h->esctext;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > pl && strncmp(p, path, pl) == 0 && strncmp(p + pl, want, strlen(want)) == 0) {
			str_esc(&s, p, n);
			str_puts(&s, "\n");
		}
		p += n + (nl ? 1 : 0);
	}
	return str_done(&s);
}

static void
write_escape(SsaHtml *h, FILE *out, bool *havedot)
{
	fputs("<div class=\"col\" id=\"escape\"><h2>escape</h2>", out);
	if (h->allocs.len == 0) {
		fputs("<p class=\"note\">no allocations in this function</p>", out);
	} else {
		fputs("<table class=\"esc\"><tr><td>allocation</td><td>decision</td>"
		      "<td>why (-m=2)</td></tr>\n", out);
		for (int i = 0; i < h->allocs.len; i++) {
			Value *v = h->allocs.v[i];
			Str s = {0};
			tokens(&s, h->alloctext.v[i], strlen(h->alloctext.v[i]));
			const char *why = escape_lines(h, v->pos.line);
			fprintf(out, "<tr class=\"L%d\"><td>%s<br><span class=\"src L%d\">line %d"
				     "</span></td><td class=\"%s\">%s</td><td><pre>%s</pre></td></tr>\n",
				v->pos.line, str_done(&s), v->pos.line, v->pos.line,
				v->esc == ESC_HEAP ? "heap" : "stack",
				v->esc == ESC_HEAP ? "heap" : v->esc == ESC_STACK ? "stack" : "?",
				*why ? why : "(no -m line at this position)");
		}
		fputs("</table>", out);
	}
	// Every -m line inside the function, in order.
	Str all = {0};
	for (int line = h->firstline; line <= h->lastline; line++)
		str_puts(&all, escape_lines(h, line));
	fprintf(out, "<details><summary>-m=2 output for these lines</summary><pre>%s</pre>"
		     "</details>", str_done(&all));
	if (h->escdot) {
		fputs("<details open id=\"escgraph\"><summary>escape graph (arrow: flow; "
		      "&amp; address-of, * load; red: heap)</summary>", out);
		graph(out, h->escdot, havedot);
		fputs("</details>", out);
	}
	fputs("</div>\n", out);
}

// ssa_html_write writes the page for the recorded function to path. Returns false (with
// an error reported) when nothing was recorded or the file cannot be written.
bool
ssa_html_write(SsaHtml *h, const char *path)
{
	if (!h->f) {
		error_at((Pos){0}, "GOSSAFUNC/-func %s: no such function", h->funcname ? h->funcname : "");
		return false;
	}
	FILE *out = fopen(path, "w");
	if (!out) {
		error_at((Pos){0}, "write %s: %s", path, strerror(errno));
		return false;
	}
	Func *f = h->f;
	Str title = {0};
	const char *sig = ssa_dump_sig(f);
	str_esc(&title, sig, strlen(sig));
	const char *t = str_done(&title);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		     "<title>%s</title>\n<style>\n%s</style></head>\n<body>\n<h1>%s</h1>\n",
		t, page_css, t);
	fputs("<p id=\"help\">Click a value (v12), a block (b3) or a source line to highlight "
	      "it in every column; click again to clear. Click a column title to fold it. "
	      "\"build\" is the SSA before phis (variables as getvar/setvar).</p>\n"
	      "<div id=\"cols\">\n", out);
	write_source(h, out);
	Str ast = {0};
	if (h->ast)
		str_esc(&ast, h->ast, strlen(h->ast));
	fprintf(out, "<div class=\"col collapsed\" id=\"ast\"><h2>AST</h2><pre>%s</pre></div>\n",
		str_done(&ast));
	bool havedot = true;
	for (int i = 0; i < h->cols.len; i++) {
		HtmlCol *c = &h->cols.v[i];
		bool same = i > 0 && strcmp(c->text, h->cols.v[i - 1].text) == 0;
		fprintf(out, "<div class=\"col pass%s\" data-pass=\"%s\"><h2>%s%s</h2>"
			     "<div class=\"dump\">%s</div><details><summary>CFG</summary>",
			same ? " same" : "", c->pass, c->pass, same ? " (unchanged)" : "", c->html);
		graph(out, c->dot, &havedot);
		fputs("</details></div>\n", out);
	}
	write_pre_col(out, "dominance", "dominance", h->domtext);
	if (h->domdot) {
		fputs("<details open><summary>dominator tree (dashed: frontier edges)</summary>",
		      out);
		graph(out, h->domdot, &havedot);
		fputs("</details>", out);
	} else {
		fputs("<p class=\"note\">no variables: mem2reg had nothing to do</p>", out);
	}
	fputs("</div>\n", out);
	write_escape(h, out, &havedot);
	fprintf(out, "</div>\n<script>\n%s</script>\n</body></html>\n", page_js);
	bool ok = fclose(out) == 0;
	if (!ok)
		error_at((Pos){0}, "write %s: %s", path, strerror(errno));
	return ok;
}
