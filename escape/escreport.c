// escreport.c: the results of a solved batch: parameter summaries written to Obj.leaks,
// ESC_STACK/ESC_HEAP on every allocating value, and gc's -m lines (printed at once, in
// gc's order: gc flushes every -m line when it makes it).
//
// Which lines gc prints (cmd/compile/internal/escape, paramTag and finish):
//   - for each parameter with pointers and a name, unless it was moved to the heap:
//     "p does not escape" when nothing leaks, else "leaking param: p" (heap, 0 derefs),
//     "leaking param content: p" (heap, more derefs) and one
//     "leaking param: p to result r level=N" per result it reaches;
//   - "moved to heap: x" for each variable (or parameter) that must live on the heap;
//     nothing for variables that stay on the stack;
//   - "E escapes to heap" / "E does not escape" for each allocating expression E (new,
//     &T{}, make, literals, boxing, closures, string conversions), E rendered by
//     expr_string as gc renders it.
// Parameters are reported first, then locations in creation order, which escbuild.c
// makes gc's (variables of every function, then allocations in pre-order).
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

static bool
reportable_name(Obj *o)
{
	if (!o || !o->name || !o->name->name)
		return false;
	const char *s = o->name->name;
	return s[0] && strcmp(s, "_") != 0 && s[0] != '~';
}

// ---- gc's positions of implicit conversions in calls ----
//
// gc 1.19 positions the implicit interface conversion of a call argument at the
// compiler's "current position" when the conversion is made: the last argument (up to
// and including this one) that is not a plain variable name, or the call itself when
// there is none. So in fmt.Println(x, "a", y), x is reported at the call's '(' and y at
// "a". Plain names do not move the current position.

static bool
is_plain_name(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	return n && n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_VAR;
}

static void
index_call_args(EscBatch *b, PtrMap *argcall)
{
	for (int fi = 0; fi < b->fns.len; fi++) {
		Func *f = b->fns.v[fi]->f;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *blk = f->blocks.v[bi];
			for (int i = 0; i < blk->values.len; i++) {
				Node *c = blk->values.v[i]->origin;
				if (!c || c->kind != N_CALL || ptrmap_get(argcall, c))
					continue;
				ptrmap_put(b->arena, argcall, c, c);
				for (int k = 0; k < c->u.call.args.len; k++)
					if (c->u.call.args.v[k])
						ptrmap_put(b->arena, argcall, c->u.call.args.v[k], c);
			}
		}
	}
}

static Pos
conv_pos(PtrMap *argcall, Value *v, Pos pos)
{
	Node *a = v->origin;
	Node *c = a ? ptrmap_get(argcall, a) : NULL;
	if (!c || c == a)
		return pos;
	if (c->u.call.kind == CALL_BUILTIN && c->u.call.builtin == BI_PANIC)
		return a->cval ? c->pos : pos; // panic(1): a constant is converted at the call
	int k = 0;
	while (k < c->u.call.args.len && c->u.call.args.v[k] != a)
		k++;
	for (; k >= 0; k--) {
		if (k < c->u.call.args.len && !is_plain_name(c->u.call.args.v[k]))
			return c->u.call.args.v[k]->pos;
	}
	return c->pos;
}

// leftmost: where expression n starts in the source.
static Pos
leftmost(Node *n)
{
	for (int guard = 0; n && guard < 1000; guard++) {
		switch (n->kind) {
		case N_SELECTOR:
			n = n->u.sel.x;
			continue;
		case N_INDEX:
			n = n->u.index.x;
			continue;
		case N_SLICEEXPR:
			n = n->u.slice.x;
			continue;
		case N_CALL:
			n = n->u.call.fun;
			continue;
		case N_BINARY:
			n = n->u.binary.x;
			continue;
		case N_TYPEASSERT:
			n = n->u.assert.x;
			continue;
		default:
			return n->pos;
		}
	}
	return (Pos){0};
}

// stmt_conv_pos: where gc reports the implicit conversion of a value in a statement:
//   a, b = x, y       every conversion at the start of the last left-hand side;
//   var a, b T = x, y a plain name at the last value (others at their own position);
//   return x, y       a plain name at the start of the last value (likewise).
static Pos
stmt_conv_pos(EscFn *e, Value *v, Pos pos)
{
	Node *st = v->origin ? ptrmap_get(&e->assigns, v->origin) : NULL;
	if (!st)
		return pos;
	NodeList *l = NULL;
	switch (st->kind) {
	case N_ASSIGN: {
		NodeList *rhs = &st->u.assign.rhs, *lhs = &st->u.assign.lhs;
		for (int i = 0; i < rhs->len; i++)
			if (rhs->v[i] == v->origin && lhs->len > 0)
				return leftmost(lhs->v[lhs->len - 1]);
		return pos;
	}
	case N_VALUESPEC:
		l = &st->u.value.values;
		break;
	case N_RETURN:
		l = &st->u.list;
		break;
	default:
		return pos;
	}
	if (l->len > 0 && is_plain_name(v->origin))
		return leftmost(l->v[l->len - 1]);
	return pos;
}

static Pos
value_pos(Value *v)
{
	if (v->origin && v->origin->pos.file)
		return v->origin->pos;
	return v->pos;
}

// is_ddd_array: the builder packs the extra arguments of a variadic call into an
// ALLOC_TEMP array whose origin is the call (a spilled call result has the call's type).
bool
esc_is_ddd_array(Value *v)
{
	if (v->op != OP_ALLOC || v->auxint != ALLOC_TEMP || !v->origin ||
	    v->origin->kind != N_CALL || !v->type)
		return false;
	Type *u = type_under(v->type);
	return u->kind == TY_POINTER && u->elem != v->origin->type;
}

// ---- statically initialised globals ----
//
// gc lays out package-level variables initialised with composite literals, their
// addresses, []byte of constants, conversions of such values or of constants to
// interfaces and func literals without captures as static data (staticinit): no
// allocation, no -m line. static_nodes holds the expressions of those initialisers.

static PtrMap static_nodes;

static bool
static_expr(Node *n, bool mark)
{
	while (n && n->kind == N_PAREN)
		n = n->u.x;
	if (!n)
		return true;
	bool ok = false;
	if (n->cval) {
		ok = true;
	} else {
		switch (n->kind) {
		case N_IDENT:
			ok = n->u.ident.obj && (n->u.ident.obj->flags & OBJF_GLOBAL);
			break;
		case N_UNARY:
			ok = n->u.unary.op == AOP_ADDR && static_expr(n->u.unary.x, mark);
			break;
		case N_COMPOSITE: {
			Type *t = n->type ? type_under(n->type) : NULL;
			ok = t && t->kind != TY_MAP;
			for (int i = 0; ok && i < n->u.comp.elts.len; i++) {
				Node *el = n->u.comp.elts.v[i];
				if (el && el->kind == N_KEYVALUE)
					el = el->u.kv.value;
				ok = static_expr(el, false);
			}
			if (ok && mark)
				for (int i = 0; i < n->u.comp.elts.len; i++) {
					Node *el = n->u.comp.elts.v[i];
					static_expr(el && el->kind == N_KEYVALUE ? el->u.kv.value : el, true);
				}
			break;
		}
		case N_CALL:
			if (n->u.call.kind == CALL_CONV && n->u.call.args.len == 1) {
				Node *x = n->u.call.args.v[0];
				Type *t = n->type ? type_under(n->type) : NULL;
				if (t && t->kind == TY_SLICE)
					ok = x->cval != NULL; // []byte("...")
				else
					ok = static_expr(x, mark);
			}
			break;
		case N_FUNCLIT:
			ok = n->u.func.info && n->u.func.info->captures.len == 0;
			break;
		default:
			break;
		}
	}
	if (ok && mark)
		ptrmap_put(perm, &static_nodes, n, n);
	return ok;
}

// esc_mark_static_inits records the statically initialised globals of pkg.
void
esc_mark_static_inits(Package *pkg)
{
	for (int i = 0; pkg && i < pkg->inits.len; i++) {
		Node *spec = pkg->inits.v[i];
		if (!spec || spec->kind != N_VALUESPEC)
			continue;
		for (int k = 0; k < spec->u.value.values.len; k++)
			if (static_expr(spec->u.value.values.v[k], false))
				static_expr(spec->u.value.values.v[k], true);
	}
}

// reported_alloc: whether gc prints a line for allocation value v.
static bool
reported_alloc(Value *v)
{
	if (!v->origin || ptrmap_get(&static_nodes, v->origin))
		return false;
	if (v->op == OP_ALLOC)
		return v->auxint == ALLOC_NEW || v->auxint == ALLOC_COMPOSITE || esc_is_ddd_array(v);
	return true;
}

// esc_reported: see escpriv.h.
bool
esc_reported(Value *v)
{
	return reported_alloc(v);
}

// esc_alloc_string renders allocation v as gc names it in messages.
const char *
esc_alloc_string(Value *v)
{
	if (esc_is_ddd_array(v))
		return "... argument";
	return v->origin ? expr_string(v->origin) : "?";
}

static const char *
result_name(EscFn *e, int i)
{
	if (e->info && i < e->info->results.len && e->info->results.v[i] &&
	    e->info->results.v[i]->name)
		return e->info->results.v[i]->name->name;
	return arena_sprintf(perm, "~r%d", i);
}

static void
tag_params(EscBatch *b, EscFn *e)
{
	int n = e->params.len;
	EscLeaks *out = n ? NEWARR(perm, EscLeaks, n) : NULL;
	for (int i = 0; i < n; i++) {
		EscLoc *l = e->params.v[i];
		leaks_init(&out[i]);
		if (!l || !l->obj || !l->obj->type || !type_has_pointers(l->obj->type))
			continue;
		if (!reportable_name(l->obj))
			continue; // unnamed parameters are unused
		leaks_optimize(&l->leaks);
		out[i] = l->leaks;
		if (b->mlevel < 1 || l->escapes)
			continue;
		const char *name = l->obj->name->name;
		if (leaks_empty(&l->leaks))
			esc_warn(b, l->obj->pos, "%s does not escape", name);
		if (l->leaks.heap == 0)
			esc_warn(b, l->obj->pos, "leaking param: %s", name);
		else if (l->leaks.heap > 0)
			esc_warn(b, l->obj->pos, "leaking param content: %s", name);
		for (int j = 0; j < ESC_NUM_RESULTS; j++)
			if (l->leaks.result[j] >= 0)
				esc_warn(b, l->obj->pos, "leaking param: %s to result %s level=%d",
					 name, result_name(e, j), l->leaks.result[j]);
	}
	if (e->info && e->info->obj) {
		e->info->obj->leaks = out;
		e->info->obj->nleaks = n;
	}
}

static void
mark_values(EscBatch *b, EscFn *e)
{
	Func *f = e->f;
	for (int bi = 0; bi < f->blocks.len; bi++) {
		Block *blk = f->blocks.v[bi];
		for (int i = 0; i < blk->values.len; i++) {
			Value *v = blk->values.v[i];
			if (!(op_flags[v->op] & OF_ALLOC))
				continue;
			EscLoc *l = e->alloc[v->id];
			if (l)
				v->esc = l->escapes ? ESC_HEAP : ESC_STACK;
			else if (!e->live[blk->id] || v->op == OP_MAKEIFACE)
				v->esc = ESC_STACK; // dead code, or an interface holding a pointer
			else
				v->esc = ESC_HEAP; // append's growslice, s += t: never tracked
		}
	}
}

// esc_report_pos: where gc reports allocation v of function e (implicit conversions to
// interfaces move, see conv_pos and stmt_conv_pos).
Pos
esc_report_pos(EscBatch *b, EscFn *e, Value *v)
{
	if (!b->argcall_done) {
		b->argcall_done = true;
		index_call_args(b, &b->argcall);
	}
	Pos pos = value_pos(v);
	Node *o = v->origin;
	bool explicit = o && o->kind == N_CALL && o->u.call.kind == CALL_CONV && o->type &&
			type_is_interface(o->type);
	if (v->op == OP_MAKEIFACE && !explicit) {
		pos = conv_pos(&b->argcall, v, pos);
		pos = stmt_conv_pos(e, v, pos);
	}
	return pos;
}

static void
report_loc(EscBatch *b, EscLoc *l)
{
	switch (l->kind) {
	case ELOC_VAR:
	case ELOC_PARAM:
	case ELOC_RESULT:
		if (l->escapes && reportable_name(l->obj))
			esc_warn(b, l->obj->pos, "moved to heap: %s", l->obj->name->name);
		break;
	case ELOC_ALLOC: {
		if (!reported_alloc(l->val))
			break;
		Pos pos = esc_report_pos(b, l->fn, l->val);
		if (esc_is_ddd_array(l->val))
			esc_warn(b, pos, "... argument %s",
				 l->escapes ? "escapes to heap" : "does not escape");
		else if (l->escapes)
			esc_warn(b, pos, "%s escapes to heap", esc_alloc_string(l->val));
		else
			esc_warn(b, pos, "%s does not escape", esc_alloc_string(l->val));
		break;
	}
	default:
		break;
	}
}

// esc_finish: tags params, marks values, prints -m lines for batch b.
void
esc_finish(EscBatch *b)
{
	for (int i = 0; i < b->fns.len; i++)
		tag_params(b, b->fns.v[i]);
	for (int i = 0; i < b->fns.len; i++)
		mark_values(b, b->fns.v[i]);
	for (int i = 0; esc_json_enabled() && i < b->locs.len; i++) {
		EscLoc *l = b->locs.v[i];
		if (l->kind == ELOC_ALLOC && l->escapes && reported_alloc(l->val)) {
			esc_json_begin(b, esc_report_pos(b, l->fn, l->val), "escape", "%s", "");
			esc_json_end(b);
		}
	}
	if (b->mlevel < 1)
		return;
	// gc's order: the order of the locations
	for (int i = 0; i < b->locs.len; i++)
		report_loc(b, b->locs.v[i]);
}

// esc_report_devirt prints gc's -m lines for the interface calls the builder
// devirtualized. gc devirtualizes every function before escape analysis begins, so these
// lines come before any escape line, in source order.
void
esc_report_devirt(Program *p)
{
	Arena *a = arena_new(16 * 1024);
	for (int i = 0; i < p->funcs.len; i++) {
		Func *f = p->funcs.v[i];
		bool *live = esc_live_blocks(a, f);
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *blk = f->blocks.v[bi];
			for (int k = 0; k < blk->values.len; k++) {
				Value *v = blk->values.v[k];
				if (v->op != OP_ASSERT || (v->auxint != 1 && v->auxint != 2) ||
				    !v->origin || v->origin->kind != N_CALL || !live[blk->id])
					continue;
				warn_at(v->origin->pos, "%sdevirtualizing %s to %s",
					v->auxint == 2 ? "partially " : "",
					expr_string(v->origin->u.call.fun), type_string(v->type));
			}
		}
	}
	arena_free(a);
	diag_flush();
}
