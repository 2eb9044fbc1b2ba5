// ssadot.c: Graphviz DOT views of one function, for `gosub ssa -dot cfg|dom` and the
// explorer page (which runs `dot -Tsvg` on them when graphviz is installed).
//
//   cfg  one box per block holding its text dump (ssadump.c, so the views never
//        disagree), edges labelled "then"/"else" for if blocks; back edges (to a block
//        at or before the source in reverse postorder: the loop edges of a reducible
//        CFG) are drawn bold red and do not constrain the layout.
//   dom  the dominator tree, one node per block, tree edges solid; each dominance
//        frontier edge b -> y (y in DF(b)) dashed blue.
//
// Node and edge order follow the dump order (RPO), so the text is deterministic.
//
// Requires: nothing for cfg (the order is computed without editing f); dom computes
// RPO, dominators and frontiers when missing, which deletes unreachable blocks.
// Shown by: `gosub ssa -dot cfg -func F file.go | dot -Tsvg > f.svg`.
#define _POSIX_C_SOURCE 200809L // open_memstream
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

// ssa_dot_label: see ssa.h.
void
ssa_dot_label(void *file, const char *text, size_t len)
{
	FILE *out = file;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == '\n')
			fputs("\\l", out);
		else if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '{' || c == '}' || c == '<' || c == '>' || c == '|')
			fprintf(out, "\\%c", c);
		else
			fputc(c, out);
	}
}

static void
dot_cfg(FILE *out, Func *f)
{
	BlockList order = ssa_dump_order(f);
	int *pos = NEWARR(f->arena, int, f->nblocks);
	for (int i = 0; i < order.len; i++)
		pos[order.v[i]->id] = i;
	fputs("  node [shape=box, fontname=\"monospace\", fontsize=10];\n", out);
	for (int i = 0; i < order.len; i++) {
		Block *b = order.v[i];
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m)
			die("open_memstream failed");
		ssa_dump_block(f, b, false, m);
		fclose(m);
		fprintf(out, "  b%d [id=\"dot_b%d\", label=\"", b->id, b->id);
		ssa_dot_label(out, buf, len);
		fputs("\"];\n", out);
		free(buf);
	}
	for (int i = 0; i < order.len; i++) {
		Block *b = order.v[i];
		for (int k = 0; k < b->nsuccs; k++) {
			Block *s = b->succs[k];
			bool back = pos[s->id] <= pos[b->id];
			fprintf(out, "  b%d -> b%d [", b->id, s->id);
			const char *sep = "";
			if (b->kind == BK_IF) {
				fprintf(out, "label=\"%s\"", k == 0 ? "then" : "else");
				sep = ", ";
			}
			if (back)
				fprintf(out, "%sstyle=bold, color=red, constraint=false", sep);
			fputs("];\n", out);
		}
	}
}

static void
dot_dom(FILE *out, Func *f)
{
	if (!(f->valid & VALID_RPO))
		cfg_compute_rpo(f);
	if (!(f->valid & VALID_DF))
		df_compute(f);
	fputs("  node [shape=box, fontname=\"monospace\", fontsize=10];\n", out);
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		fprintf(out, "  b%d [id=\"dot_b%d\", label=\"b%d\\nDF {", b->id, b->id, b->id);
		for (int k = 0; k < b->frontier.len; k++)
			fprintf(out, "%sb%d", k ? " " : "", b->frontier.v[k]->id);
		fputs("}\"];\n", out);
	}
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		for (int k = 0; k < b->domkids.len; k++)
			fprintf(out, "  b%d -> b%d;\n", b->id, b->domkids.v[k]->id);
	}
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		for (int k = 0; k < b->frontier.len; k++)
			fprintf(out, "  b%d -> b%d [style=dashed, color=blue, constraint=false];\n",
				b->id, b->frontier.v[k]->id);
	}
}

// ssa_dump_dot writes f as a DOT digraph: what is "cfg" or "dom" (see above); header
// names the pass in the graph's label (may be NULL).
void
ssa_dump_dot(Func *f, const char *what, const char *header, void *file)
{
	FILE *out = file ? file : stdout;
	bool dom = strcmp(what, "dom") == 0;
	fprintf(out, "digraph \"%s\" {\n", f->name ? f->name : "?");
	fprintf(out, "  label=\"%s%s%s: ", dom ? "dominator tree" : "cfg",
		header ? " after " : "", header ? header : "");
	const char *sig = ssa_dump_sig(f);
	ssa_dot_label(out, sig, strlen(sig));
	fputs("\";\n  labelloc=t;\n", out);
	if (dom)
		dot_dom(out, f);
	else
		dot_cfg(out, f);
	fputs("}\n", out);
}
