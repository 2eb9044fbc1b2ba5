// escleaks.c: per-parameter leak summaries (gc's "leaks"): for each parameter, the
// minimal number of dereferences with which its value reaches the heap and each of the
// first ESC_NUM_RESULTS results; -1 means it does not. A summary is what a caller in a
// later batch applies at a call: argument i flows to the heap with heap derefs and to the
// call's result j with result[j] derefs.
//
// Also the summaries of std functions gosub knows without a body (fmt.Println and
// friends), taken from gc's own analysis of the std library (go build -gcflags=-m fmt):
// "... leaking param content: a" means the slice's elements escape, not the slice.
// Unknown functions without a body leak every argument to the heap, as gc assumes.
#include <string.h>

#include "base/base.h"
#include "escape/escpriv.h"

// leaks_init makes l the empty summary (nothing leaks).
void
leaks_init(EscLeaks *l)
{
	l->heap = -1;
	for (int i = 0; i < ESC_MAX_RESULTS; i++)
		l->result[i] = -1;
}

static void
add(int8_t *slot, int derefs)
{
	if (derefs < 0)
		derefs = 0;
	if (derefs > 127)
		derefs = 127;
	if (*slot < 0 || derefs < *slot)
		*slot = (int8_t)derefs;
}

// leaks_add_heap records a leak to the heap with derefs dereferences.
void
leaks_add_heap(EscLeaks *l, int derefs)
{
	add(&l->heap, derefs);
}

// leaks_add_result records a leak to result i with derefs dereferences.
void
leaks_add_result(EscLeaks *l, int i, int derefs)
{
	if (i >= ESC_NUM_RESULTS) {
		leaks_add_heap(l, derefs);
		return;
	}
	add(&l->result[i], derefs);
}

// leaks_optimize drops result leaks that are no shorter than the heap leak: the heap
// path already covers them (gc's leaks.Optimize).
void
leaks_optimize(EscLeaks *l)
{
	if (l->heap < 0)
		return;
	for (int i = 0; i < ESC_MAX_RESULTS; i++)
		if (l->result[i] >= l->heap)
			l->result[i] = -1;
}

// leaks_empty reports whether nothing leaks.
bool
leaks_empty(const EscLeaks *l)
{
	if (l->heap >= 0)
		return false;
	for (int i = 0; i < ESC_MAX_RESULTS; i++)
		if (l->result[i] >= 0)
			return false;
	return true;
}

// ---- std summaries ----

// One std function: per parameter, -1 (no leak), H0/H1 (heap with 0/1 derefs) or R0
// (result 0 with 0 derefs).
enum { NONE = -1, H0 = 0, H1 = 1, R0 = 100 };
typedef struct StdLeaks {
	const char *name; // "pkg.Func"
	int nparams;
	int p[4];
} StdLeaks;

static const StdLeaks std_leaks[] = {
	{"fmt.Print", 1, {H1}},
	{"fmt.Println", 1, {H1}},
	{"fmt.Sprint", 1, {H1}},
	{"fmt.Sprintln", 1, {H1}},
	{"fmt.Printf", 2, {NONE, H1}},
	{"fmt.Sprintf", 2, {NONE, H1}},
	{"fmt.Errorf", 2, {NONE, H1}},
	{"fmt.Fprint", 2, {H0, H1}},
	{"fmt.Fprintln", 2, {H0, H1}},
	{"fmt.Fprintf", 3, {H0, NONE, H1}},
	{"fmt.Append", 2, {R0, H1}},
	{"fmt.Appendln", 2, {R0, H1}},
	{"fmt.Appendf", 3, {R0, NONE, H1}},
	{"errors.New", 1, {H0}},
	{"strings.Repeat", 2, {NONE, NONE}},
	{"strings.Contains", 2, {NONE, NONE}},
	{"strings.Index", 2, {NONE, NONE}},
	{"strings.HasPrefix", 2, {NONE, NONE}},
	{"strings.HasSuffix", 2, {NONE, NONE}},
	{"strconv.Itoa", 1, {NONE}},
	{"strconv.Atoi", 1, {NONE}},
	{"os.Exit", 1, {NONE}},
	{"runtime.ReadMemStats", 1, {NONE}},
	{"runtime.GC", 0, {NONE}},
	{"runtime.KeepAlive", 1, {NONE}},
};

static const StdLeaks *
find_std(Obj *callee)
{
	if (!callee || !callee->pkg || !callee->pkg->path || !callee->name)
		return NULL;
	const char *pkg = callee->pkg->path;
	size_t n = strlen(pkg);
	for (size_t i = 0; i < ARRAY_LEN(std_leaks); i++) {
		const char *s = std_leaks[i].name;
		if (strncmp(s, pkg, n) == 0 && s[n] == '.' && strcmp(s + n + 1, callee->name->name) == 0)
			return &std_leaks[i];
	}
	return NULL;
}

// esc_callee_leaks: see escpriv.h.
bool
esc_callee_leaks(Obj *callee, int i, EscLeaks *out)
{
	leaks_init(out);
	if (!callee || i < 0)
		return false;
	if (callee->leaks) {
		if (i >= callee->nleaks)
			return false;
		*out = callee->leaks[i];
		return true;
	}
	const StdLeaks *s = find_std(callee);
	if (s) {
		if (i >= s->nparams)
			return false;
		if (s->p[i] == R0)
			leaks_add_result(out, 0, 0);
		else if (s->p[i] >= 0)
			leaks_add_heap(out, s->p[i]);
		return true;
	}
	return false;
}
