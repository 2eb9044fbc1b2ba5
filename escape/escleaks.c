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

// One std function: per parameter (the receiver first for methods), -1 (no leak), H0/H1
// (heap with 0/1 derefs), R0/R0L1/R0L2 (result 0 with 0/1/2 derefs) or R01 (results 0
// and 1 with 0 derefs).
enum { NONE = -1, H0 = 0, H1 = 1, R0 = 100, R0L1 = 101, R0L2 = 102, R01 = 110 };
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
	{"errors.Is", 2, {H0, H0}},
	{"errors.As", 2, {H0, H0}},
	{"errors.Unwrap", 1, {H0}},
	{"strings.Repeat", 2, {NONE, NONE}},
	{"strings.Contains", 2, {NONE, NONE}},
	{"strings.ContainsRune", 2, {NONE, NONE}},
	{"strings.ContainsAny", 2, {NONE, NONE}},
	{"strings.Index", 2, {NONE, NONE}},
	{"strings.IndexByte", 2, {NONE, NONE}},
	{"strings.IndexRune", 2, {NONE, NONE}},
	{"strings.IndexAny", 2, {NONE, NONE}},
	{"strings.IndexFunc", 2, {NONE, NONE}},
	{"strings.LastIndex", 2, {NONE, NONE}},
	{"strings.LastIndexByte", 2, {NONE, NONE}},
	{"strings.LastIndexAny", 2, {NONE, NONE}},
	{"strings.HasPrefix", 2, {NONE, NONE}},
	{"strings.HasSuffix", 2, {NONE, NONE}},
	{"strings.EqualFold", 2, {NONE, NONE}},
	{"strings.Count", 2, {NONE, NONE}},
	{"strings.Compare", 2, {NONE, NONE}},
	{"strings.Split", 2, {H0, NONE}},
	{"strings.SplitN", 3, {H0, NONE, NONE}},
	{"strings.SplitAfter", 2, {H0, NONE}},
	{"strings.SplitAfterN", 3, {H0, NONE, NONE}},
	{"strings.Fields", 1, {H0}},
	{"strings.FieldsFunc", 2, {H0, NONE}},
	{"strings.Join", 2, {R0L1, NONE}},
	{"strings.Trim", 2, {R0, NONE}},
	{"strings.TrimLeft", 2, {R0, NONE}},
	{"strings.TrimRight", 2, {R0, NONE}},
	{"strings.TrimPrefix", 2, {R0, NONE}},
	{"strings.TrimSuffix", 2, {R0, NONE}},
	{"strings.TrimSpace", 1, {R0}},
	{"strings.TrimFunc", 2, {R0, NONE}},
	{"strings.TrimLeftFunc", 2, {R0, NONE}},
	{"strings.TrimRightFunc", 2, {R0, NONE}},
	{"strings.ToUpper", 1, {R0}},
	{"strings.ToLower", 1, {R0}},
	{"strings.Replace", 4, {R0, NONE, NONE, NONE}},
	{"strings.ReplaceAll", 3, {R0, NONE, NONE}},
	{"strings.Map", 2, {NONE, R0}},
	{"strings.Cut", 2, {R01, NONE}},
	{"strings.String", 1, {R0L1}},     // (*Builder).String
	{"strings.Len", 1, {NONE}},        // (*Builder).Len, Cap, Reset, Grow
	{"strings.Cap", 1, {NONE}},
	{"strings.Reset", 1, {NONE}},
	{"strings.Grow", 2, {NONE, NONE}},
	{"strings.Write", 2, {H1, NONE}},  // (*Builder).Write and the other writers
	{"strings.WriteByte", 2, {H1, NONE}},
	{"strings.WriteRune", 2, {H1, NONE}},
	{"strings.WriteString", 2, {H1, NONE}},
	{"bytes.Equal", 2, {NONE, NONE}},
	{"bytes.Compare", 2, {NONE, NONE}},
	{"bytes.Index", 2, {NONE, NONE}},
	{"bytes.LastIndex", 2, {NONE, NONE}},
	{"bytes.IndexByte", 2, {NONE, NONE}},
	{"bytes.Contains", 2, {NONE, NONE}},
	{"bytes.HasPrefix", 2, {NONE, NONE}},
	{"bytes.HasSuffix", 2, {NONE, NONE}},
	{"bytes.Count", 2, {NONE, NONE}},
	{"strconv.Error", 1, {H1}},        // (*NumError).Error
	{"strconv.Unwrap", 1, {R0L1}},     // (*NumError).Unwrap
	{"strconv.Itoa", 1, {NONE}},
	{"strconv.Atoi", 1, {H0}},
	{"strconv.ParseInt", 3, {H0, NONE, NONE}},
	{"strconv.ParseUint", 3, {H0, NONE, NONE}},
	{"strconv.ParseFloat", 2, {H0, NONE}},
	{"strconv.ParseBool", 1, {H0}},
	{"strconv.Quote", 1, {NONE}},
	{"strconv.QuoteToASCII", 1, {NONE}},
	{"strconv.Unquote", 1, {R0}},
	{"strconv.AppendInt", 3, {R0, NONE, NONE}},
	{"sort.Sort", 1, {H0}},
	{"sort.Stable", 1, {H0}},
	{"sort.IsSorted", 1, {H0}},
	{"sort.Reverse", 1, {H0}},
	{"sort.Slice", 2, {H0, NONE}},
	{"sort.SliceStable", 2, {H0, NONE}},
	{"sort.SliceIsSorted", 2, {H0, NONE}},
	{"sort.Ints", 1, {H0}},
	{"sort.Strings", 1, {H0}},
	{"sort.Float64s", 1, {H0}},
	{"sort.IntsAreSorted", 1, {H0}},
	{"sort.StringsAreSorted", 1, {H0}},
	{"sort.Float64sAreSorted", 1, {H0}},
	{"sort.Len", 1, {NONE}},           // IntSlice, StringSlice, Float64Slice .Len
	{"sort.Search", 2, {NONE, NONE}},
	{"sort.SearchInts", 2, {NONE, NONE}},
	{"sort.SearchStrings", 2, {NONE, NONE}},
	{"sort.SearchFloat64s", 2, {NONE, NONE}},
	{"os.Exit", 1, {NONE}},
	{"os.Getenv", 1, {H0}},
	{"os.LookupEnv", 1, {H0}},
	{"os.Write", 2, {H1, NONE}},       // (*File).Write
	{"os.WriteString", 2, {H1, H0}},   // (*File).WriteString
	{"os.Name", 1, {R0L2}},            // (*File).Name
	{"unicode/utf8.AppendRune", 2, {R0, NONE}},
	{"unicode/utf8.DecodeRune", 1, {NONE}},
	{"unicode/utf8.DecodeRuneInString", 1, {NONE}},
	{"unicode/utf8.DecodeLastRune", 1, {NONE}},
	{"unicode/utf8.DecodeLastRuneInString", 1, {NONE}},
	{"unicode/utf8.EncodeRune", 2, {NONE, NONE}},
	{"unicode/utf8.RuneCount", 1, {NONE}},
	{"unicode/utf8.RuneCountInString", 1, {NONE}},
	{"unicode/utf8.Valid", 1, {NONE}},
	{"unicode/utf8.ValidString", 1, {NONE}},
	{"unicode/utf8.FullRune", 1, {NONE}},
	{"unicode/utf8.FullRuneInString", 1, {NONE}},
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
		if (s->p[i] >= R01) {
			leaks_add_result(out, 0, s->p[i] - R01);
			leaks_add_result(out, 1, s->p[i] - R01);
		} else if (s->p[i] >= R0) {
			leaks_add_result(out, 0, s->p[i] - R0);
		} else if (s->p[i] >= 0)
			leaks_add_heap(out, s->p[i]);
		return true;
	}
	return false;
}
