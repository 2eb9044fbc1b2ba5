// ssadom.c: the dominance report of `gosub ssa -d dom`: everything SSA construction
// (Cytron et al. 1991, as mem2reg.c implements it) computed for one function, in the
// order a textbook presents it:
//
//   1. the dominator tree (Cooper-Harvey-Kennedy), children in RPO order;
//   2. each block's dominance frontier;
//   3. each variable's defining blocks, its iterated dominance frontier DF+ (where
//      non-pruned SSA would put phis) and the blocks where it is live on entry;
//   4. each phi placed, with its reason: "phi for s in b2: s defined in b7, b2 ∈ DF(b7),
//      s live-in at b2";
//   5. the phis a non-pruned construction would add and liveness removed;
//   6. the renaming walk over the dominator tree with every variable's version stack at
//      each block's entry and end, each GETVAR's replacement and each phi argument.
//
// Everything comes from the trace mem2reg_traced records (M2rTrace, ssapriv.h) and from
// the block fields dom.c fills in; the mem2reg'd function itself is not printed. Output
// depends only on block and value ids and source order.
//
// Requires: f after mem2reg_traced (VALID_DOM and VALID_DF still hold: mem2reg keeps the
// CFG). Shown by: `gosub ssa -d dom [-func F] file.go`.
#include <stdio.h>
#include <string.h>

#include "base/base.h"
#include "ssa/ssa.h"
#include "ssa/ssapriv.h"

static void
print_blocks(FILE *out, BlockList *l)
{
	fputc('{', out);
	for (int i = 0; i < l->len; i++)
		fprintf(out, "%sb%d", i ? " " : "", l->v[i]->id);
	fputc('}', out);
}

static void
print_tree(FILE *out, Block *b, int depth)
{
	fprintf(out, "  %*sb%d\n", 2 * depth, "", b->id);
	for (int k = 0; k < b->domkids.len; k++)
		print_tree(out, b->domkids.v[k], depth + 1);
}

// has_phi: a phi for x was placed in b.
static bool
has_phi(M2rTrace *t, int x, Block *b)
{
	for (int i = 0; i < t->places.len; i++)
		if (t->places.v[i].var == x && t->places.v[i].block == b && t->places.v[i].phi)
			return true;
	return false;
}

// ssa_dump_dom prints f's dominance report from mem2reg's trace t (see above).
// Requires: VALID_DOM, VALID_DF (as mem2reg left them).
void
ssa_dump_dom(Func *f, M2rTrace *t, void *file)
{
	FILE *out = file ? file : stdout;
	if (!(f->valid & VALID_DF))
		df_compute(f);
	fprintf(out, "== dominance: func %s ==\n", ssa_dump_sig(f));
	fputs("dominator tree:\n", out);
	print_tree(out, f->entry, 0);
	fputs("dominance frontiers:\n", out);
	for (int i = 0; i < f->rpo.len; i++) {
		Block *b = f->rpo.v[i];
		fprintf(out, "  DF(b%d) = ", b->id);
		print_blocks(out, &b->frontier);
		fputc('\n', out);
	}
	int nv = t->vi ? t->vi->nvars : 0;
	if (nv == 0) {
		fputs("variables: none (nothing for mem2reg to do)\n", out);
		return;
	}
	fputs("variables:\n", out);
	for (int x = 0; x < nv; x++) {
		fprintf(out, "  %s <%s>: defined in ", m2r_var_label(t, x),
			type_string(t->vi->vars[x]->type));
		print_blocks(out, &t->defs[x]);
		fputs(", DF+ = ", out);
		print_blocks(out, &t->idf[x]);
		fputs(", live-in at {", out);
		int k = 0;
		for (int i = 0; i < f->rpo.len; i++) {
			Block *b = f->rpo.v[i];
			if (bitset_has(t->vi->livein[b->id], x))
				fprintf(out, "%sb%d", k++ ? " " : "", b->id);
		}
		fputs("}\n", out);
	}

	fputs("phis placed (pruned SSA: DF+ of the definitions, where live):\n", out);
	int nphi = 0;
	for (int i = 0; i < t->places.len; i++) {
		M2rPlace *p = &t->places.v[i];
		if (!p->phi)
			continue;
		const char *s = m2r_var_label(t, p->var);
		fprintf(out, "  v%d: phi for %s in b%d: %s defined in b%d", p->phi->id, s,
			p->block->id, s, p->from->id);
		if (p->fromphi)
			fputs(" (by its phi)", out);
		fprintf(out, ", b%d \u2208 DF(b%d), %s live-in at b%d\n", p->block->id,
			p->from->id, s, p->block->id);
		nphi++;
	}
	if (nphi == 0)
		fputs("  none\n", out);

	fputs("phis non-pruned SSA would add, removed by liveness:\n", out);
	int npruned = 0;
	for (int x = 0; x < nv; x++) {
		const char *s = m2r_var_label(t, x);
		for (int i = 0; i < t->idf[x].len; i++) {
			Block *y = t->idf[x].v[i];
			if (has_phi(t, x, y))
				continue;
			M2rPlace *why = NULL;
			for (int k = 0; k < t->places.len && !why; k++)
				if (t->places.v[k].var == x && t->places.v[k].block == y)
					why = &t->places.v[k];
			if (why)
				fprintf(out, "  %s in b%d: b%d \u2208 DF(b%d), but %s is dead at b%d\n", s,
					y->id, y->id, why->from->id, s, y->id);
			else
				fprintf(out, "  %s in b%d: b%d \u2208 DF+, but %s is dead at b%d\n", s,
					y->id, y->id, s, y->id);
			npruned++;
		}
	}
	if (npruned == 0)
		fputs("  none\n", out);

	fputs("zero values (reads before any write):", out);
	for (int x = 0; x < nv; x++)
		fprintf(out, " %s=v%d", m2r_var_label(t, x), t->zero[x]->id);
	fputc('\n', out);
	fputs("renaming (dominator tree walk; stacks bottom first):\n", out);
	for (int i = 0; i < t->walk.len; i++)
		fprintf(out, "  %s\n", t->walk.v[i]);
}
