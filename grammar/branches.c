// branches.c: gc's parser-time check of labels and branch statements (its
// checkBranches), for files with syntax errors. gc checks the labels, gotos, breaks,
// continues and fallthroughs of every function body that had no syntax error while it
// parses, so these errors appear beside the syntax errors of other functions. For a file
// without syntax errors the frontend reports them instead (the driver stops after
// parsing when there are syntax errors, so nothing is reported twice).
//
// Algorithm (as gc's): walk the statement lists of a body, each block with its parent
// block and the statements a break or continue may target; declare labels in one scope
// per function; a goto to a label not yet seen is a forward goto, resolved when a label
// of its block or an enclosing one appears (and rejected if a variable was declared in
// between), or reported when the body ends ("jumps into block" if the label exists
// elsewhere, "not defined" otherwise). Unused labels are reported last. Function literals
// are separate bodies: the walk does not enter expressions.
//
// Shown by: parsetest FILE (or gosub build FILE) on a file with syntax errors.
#include <string.h>

#include "base/base.h"
#include "grammar/gram.h"

typedef struct Blk Blk;
struct Blk {
	Blk *parent; // enclosing block or NULL
	Pos start;   // position of its start, for "jumps into block starting at"
	Node *lstmt; // the N_LABELED whose statement this block belongs to, or NULL
};

typedef struct Label {
	Sym *name;   // the label
	Node *lstmt; // its N_LABELED
	Blk *parent; // the block declaring it
	bool used;   // some branch names it
} Label;

typedef struct Targets {
	Node *breaks;    // innermost for, switch or select, or NULL
	Node *continues; // innermost for, or NULL
	int caseindex;   // index of the clause of the immediately enclosing switch, or -1
} Targets;

typedef VEC(Node *) NodeVec;

typedef struct Scope1 {
	VEC(Label *) labels; // every label of the body, in declaration order
} Scope1;

static Label *
find_label(Scope1 *ls, Sym *name)
{
	for (int i = 0; i < ls->labels.len; i++)
		if (ls->labels.v[i]->name == name)
			return ls->labels.v[i];
	return NULL;
}

// unlabel returns the statement a chain of labels stands for.
static Node *
unlabel(Node *s)
{
	while (s && s->kind == N_LABELED)
		s = s->u.labeled.stmt;
	return s;
}

static bool
is_for(Node *s)
{
	return s && (s->kind == N_FOR || s->kind == N_RANGE);
}

// lhs_string renders the left side of a := as gc's printer does (names only here).
static const char *
lhs_string(NodeList l)
{
	const char *s = "";
	for (int i = 0; i < l.len; i++) {
		Node *x = l.v[i];
		const char *t = x->kind == N_IDENT ? x->u.ident.name->name : "_";
		s = arena_sprintf(perm, "%s%s%s", s, i ? ", " : "", t);
	}
	return s;
}

static NodeVec block_branches(Scope1 *ls, Blk *parent, Targets ctxt, Node *lstmt, Pos start,
			      NodeList body);

typedef struct Walk {
	Scope1 *ls;
	Blk *b;
	NodeVec fwd;     // unresolved forward gotos
	NodeVec bad;     // forward gotos that precede the last variable declaration
	Pos varpos;      // position of that declaration (line 0: none)
	const char *varname;
} Walk;

static void
record_var(Walk *w, Pos pos, const char *name)
{
	w->varpos = pos;
	w->varname = name;
	w->bad.len = 0;
	for (int i = 0; i < w->fwd.len; i++)
		vec_push(perm, w->bad, w->fwd.v[i]);
}

static void
inner(Walk *w, Targets t, Node *lstmt, Pos start, NodeList body)
{
	NodeVec f = block_branches(w->ls, w->b, t, lstmt, start, body);
	for (int i = 0; i < f.len; i++)
		vec_push(perm, w->fwd, f.v[i]);
}

static void
branch(Walk *w, Targets ctxt, Node *s, int index, int n)
{
	Sym *name = s->u.branch.label;
	if (!name) {
		switch (s->u.branch.kind) {
		case BR_BREAK:
			if (!ctxt.breaks)
				error_at(s->pos, "break is not in a loop, switch, or select");
			break;
		case BR_CONTINUE:
			if (!ctxt.continues)
				error_at(s->pos, "continue is not in a loop");
			break;
		case BR_FALLTHROUGH: {
			const char *msg = "fallthrough statement out of place";
			Node *t = ctxt.breaks;
			if (t && (t->kind == N_SWITCH || t->kind == N_TYPESWITCH)) {
				if (t->kind == N_TYPESWITCH)
					msg = "cannot fallthrough in type switch";
				else if (ctxt.caseindex < 0 || index + 1 < n)
					; // nested in a block or not the last statement
				else if (ctxt.caseindex + 1 == t->u.sw.body.len)
					msg = "cannot fallthrough final case in switch";
				else
					return;
			}
			error_at(s->pos, "%s", msg);
			break;
		}
		case BR_GOTO:
			break;
		}
		return;
	}
	Pos lpos = s->u.branch.labelpos;
	switch (s->u.branch.kind) {
	case BR_BREAK:
	case BR_CONTINUE: {
		bool brk = s->u.branch.kind == BR_BREAK;
		Label *l = find_label(w->ls, name);
		if (!l) {
			error_at(lpos, "%s label not defined: %s", brk ? "break" : "continue",
				 name->name);
			return;
		}
		l->used = true;
		Node *target = NULL;
		for (Blk *b = w->b; b; b = b->parent)
			if (b->lstmt && b->lstmt == l->lstmt)
				target = l->lstmt;
		Node *st = unlabel(target);
		bool ok = brk ? st && (is_for(st) || st->kind == N_SWITCH ||
				       st->kind == N_TYPESWITCH || st->kind == N_SELECT) :
				is_for(st);
		if (!ok)
			error_at(lpos, "invalid %s label %s", brk ? "break" : "continue",
				 name->name);
		return;
	}
	case BR_GOTO: {
		Label *l = find_label(w->ls, name);
		if (l) {
			l->used = true;
			for (Blk *b = w->b; b; b = b->parent)
				if (l->parent == b)
					return;
		}
		vec_push(perm, w->fwd, s);
		return;
	}
	case BR_FALLTHROUGH:
		return;
	}
}

static NodeVec
block_branches(Scope1 *ls, Blk *parent, Targets ctxt, Node *lstmt, Pos start, NodeList body)
{
	Blk *b = NEW(perm, Blk);
	b->parent = parent;
	b->start = start;
	b->lstmt = lstmt;
	Walk w = {.ls = ls, .b = b};
	int n = body.len;
	while (n > 0 && body.v[n - 1] && body.v[n - 1]->kind == N_EMPTY)
		n--;
	for (int i = 0; i < n; i++) {
		Node *s = body.v[i];
		lstmt = NULL;
		while (s && s->kind == N_LABELED) {
			Sym *name = s->u.labeled.label;
			if (strcmp(name->name, "_") != 0) {
				Label *l = find_label(ls, name);
				if (l) {
					error_at(s->u.labeled.labelpos, "label %s already defined at %s",
						 name->name, pos_string(l->lstmt->u.labeled.labelpos));
				} else {
					l = NEW(perm, Label);
					l->name = name;
					l->lstmt = s;
					l->parent = b;
					vec_push(perm, ls->labels, l);
				}
				int k = 0;
				for (int j = 0; j < w.fwd.len; j++) {
					Node *g = w.fwd.v[j];
					if (g->u.branch.label != name) {
						w.fwd.v[k++] = g;
						continue;
					}
					l->used = true;
					bool jumps = false;
					for (int m = 0; w.varpos.line && m < w.bad.len; m++)
						jumps |= w.bad.v[m] == g;
					if (jumps)
						error_at(g->u.branch.labelpos,
							 "goto %s jumps over declaration of %s at %s",
							 name->name, w.varname, pos_string(w.varpos));
				}
				w.fwd.len = k;
				lstmt = s;
			}
			s = s->u.labeled.stmt;
		}
		if (!s)
			continue;
		Targets in = {ctxt.breaks, ctxt.continues, -1};
		switch (s->kind) {
		case N_DECLSTMT:
			for (int j = 0; j < s->u.list.len; j++) {
				Node *d = s->u.list.v[j];
				if (d->kind == N_VALUESPEC && !d->u.value.isconst &&
				    d->u.value.names.len > 0) {
					record_var(&w, d->pos,
						   d->u.value.names.v[0]->u.ident.name->name);
					break;
				}
			}
			break;
		case N_BRANCH:
			branch(&w, ctxt, s, i, n);
			break;
		case N_ASSIGN:
			if (s->u.assign.define)
				record_var(&w, s->pos, lhs_string(s->u.assign.lhs));
			break;
		case N_BLOCK:
			inner(&w, in, lstmt, s->pos, s->u.block.stmts);
			break;
		case N_IF:
			if (s->u.ifs.then)
				inner(&w, in, lstmt, s->u.ifs.then->pos, s->u.ifs.then->u.block.stmts);
			if (s->u.ifs.els) {
				NodeList one = {0};
				vec_push(perm, one, s->u.ifs.els);
				inner(&w, in, lstmt, s->u.ifs.els->pos, one);
			}
			break;
		case N_FOR:
		case N_RANGE: {
			Node *body1 = s->kind == N_FOR ? s->u.fors.body : s->u.range.body;
			Targets t = {s, s, -1};
			if (body1)
				inner(&w, t, lstmt, body1->pos, body1->u.block.stmts);
			break;
		}
		case N_SWITCH:
		case N_TYPESWITCH:
		case N_SELECT: {
			Targets t = {s, ctxt.continues, -1};
			for (int j = 0; j < s->u.sw.body.len; j++) {
				Node *cc = s->u.sw.body.v[j];
				t.caseindex = s->kind == N_SELECT ? -1 : j;
				inner(&w, t, lstmt, cc->pos, cc->u.clause.body);
			}
			break;
		}
		default:
			break;
		}
	}
	return w.fwd;
}

// had_error reports whether a syntax or lexical error was reported inside body.
static bool
had_error(Lexer *lx, Node *body)
{
	for (int i = 0; i < lx->errpos.len; i++) {
		Pos p = lx->errpos.v[i];
		if (p.file == body->pos.file && pos_cmp(p, body->pos) >= 0 &&
		    pos_cmp(p, body->u.block.rbrace) <= 0)
			return true;
	}
	return false;
}

// branches_check runs gc's branch checks over the function bodies of a file that had
// syntax errors, skipping the bodies that contain one (gc does not check those).
void
branches_check(Lexer *lx)
{
	if (lx->nsynerr == 0)
		return;
	for (int i = 0; i < lx->bodies.len; i++) {
		Node *body = lx->bodies.v[i];
		if (!body || body->kind != N_BLOCK || had_error(lx, body))
			continue;
		Scope1 ls = {0};
		NodeVec fwd = block_branches(&ls, NULL, (Targets){NULL, NULL, -1}, NULL, body->pos,
					     body->u.block.stmts);
		for (int j = 0; j < fwd.len; j++) {
			Node *g = fwd.v[j];
			Label *l = find_label(&ls, g->u.branch.label);
			if (l) {
				l->used = true;
				error_at(g->u.branch.labelpos, "goto %s jumps into block starting at %s",
					 g->u.branch.label->name, pos_string(l->parent->start));
			} else {
				error_at(g->u.branch.labelpos, "label %s not defined",
					 g->u.branch.label->name);
			}
		}
		for (int j = 0; j < ls.labels.len; j++) {
			Label *l = ls.labels.v[j];
			if (!l->used)
				error_at(l->lstmt->u.labeled.labelpos, "label %s defined and not used",
					 l->name->name);
		}
	}
}
