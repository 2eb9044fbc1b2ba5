// std_strings.c: the strings package subset gosub provides (Index and friends, Split,
// Fields, Join, Trim*, Replace, ToUpper/ToLower, Map, EqualFold, Cut, Repeat, Builder),
// plus the string helpers the other std_*.c files share (rtstd.h).
//
// Semantics are Go 1.19's, including the observable details: results that equal the
// argument are the argument itself (no copy); Split and Fields return slices whose cap is
// what Go allocates (Split: n, the count of separators + 1 clipped to len(s) + 1; Fields:
// the number of fields); Map, ToUpper and ToLower turn each invalid UTF-8 byte into
// U+FFFD; the empty separator splits into UTF-8 sequences. Searching is memmem/memchr.
// Case mapping above ASCII (ToUpper, ToLower, EqualFold) uses the C library's towupper /
// towlower in the C.UTF-8 locale (Unicode simple case mapping, as unicode.ToUpper); when
// that locale is missing only ASCII letters change. White space (Fields, TrimSpace) is
// unicode.IsSpace.
//
// Functions that take a Go func (Map, FieldsFunc, IndexFunc, TrimFunc...) call its closure
// as codegen does: fn->fn(fn, args...) with the closure pointer as the hidden context.
//
// See it: testdata/run/stdstrings.go.
#define _GNU_SOURCE
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "rtstd.h"

// ---- shared helpers (rtstd.h) ----

// rt_str_new returns a new string of n bytes for the caller to fill through *bytes.
RtString
rt_str_new(int64_t n, uint8_t **bytes)
{
	if (n <= 0) {
		*bytes = NULL;
		return (RtString){NULL, 0};
	}
	*bytes = rt_alloc_bytes(n, 1);
	return (RtString){*bytes, n};
}

// rt_str_cstr returns a Go string copy of the C string s.
RtString
rt_str_cstr(const char *s)
{
	return rt_bytes2str((const uint8_t *)s, (int64_t)strlen(s));
}

// rt_str_cat3 returns a + b + c.
RtString
rt_str_cat3(RtString a, RtString b, RtString c)
{
	RtString parts[3] = {a, b, c};
	return rt_concatstrings(parts, 3);
}

// rt_sb_write appends p[0:n] to b.
void
rt_sb_write(RtStrBuf *b, const void *p, int64_t n)
{
	if (n <= 0)
		return;
	if (b->len + n > b->cap) {
		int64_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n)
			cap *= 2;
		uint8_t *np = realloc(b->p, (size_t)cap);
		if (np == NULL)
			rt_throw("out of memory");
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, (size_t)n);
	b->len += n;
}

// rt_sb_byte appends the byte c to b.
void
rt_sb_byte(RtStrBuf *b, int c)
{
	uint8_t x = (uint8_t)c;
	rt_sb_write(b, &x, 1);
}

// rt_sb_rune appends the UTF-8 encoding of r (U+FFFD when invalid) to b.
void
rt_sb_rune(RtStrBuf *b, int64_t r)
{
	uint8_t tmp[4];
	rt_sb_write(b, tmp, rt_encoderune(tmp, r));
}

// rt_sb_string returns b's bytes as a Go string and releases b.
RtString
rt_sb_string(RtStrBuf *b)
{
	RtString s = rt_bytes2str(b->p, b->len);
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	return s;
}

// ---- Unicode helpers ----

static locale_t utf8_locale;
static int utf8_state; // 0: not tried, 1: utf8_locale is usable, -1: unavailable

static locale_t
get_locale(void)
{
	if (utf8_state == 0) {
		utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		utf8_state = utf8_locale != (locale_t)0 ? 1 : -1;
	}
	return utf8_state > 0 ? utf8_locale : (locale_t)0;
}

static int64_t
to_upper(int64_t r)
{
	if (r < 0x80)
		return r >= 'a' && r <= 'z' ? r - 32 : r;
	locale_t l = get_locale();
	return l != (locale_t)0 && r <= RT_MAX_RUNE ? (int64_t)towupper_l((wint_t)r, l) : r;
}

static int64_t
to_lower(int64_t r)
{
	if (r < 0x80)
		return r >= 'A' && r <= 'Z' ? r + 32 : r;
	locale_t l = get_locale();
	return l != (locale_t)0 && r <= RT_MAX_RUNE ? (int64_t)towlower_l((wint_t)r, l) : r;
}

// is_space is unicode.IsSpace.
static bool
is_space(int64_t r)
{
	if (r < 0x100)
		return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
	return r == 0x1680 || (r >= 0x2000 && r <= 0x200a) || r == 0x2028 || r == 0x2029 ||
	       r == 0x202f || r == 0x205f || r == 0x3000;
}

static int64_t
decode(const uint8_t *p, int64_t n, int64_t k, int64_t *next)
{
	return rt_decoderune(p, n, k, next);
}

// decode_last is utf8.DecodeLastRuneInString(p[0:n]) (n > 0): the rune ending at n and
// where it starts.
static int64_t
decode_last(const uint8_t *p, int64_t n, int64_t *start)
{
	int64_t s = n - 1;
	if (p[s] < 0x80) {
		*start = s;
		return p[s];
	}
	int64_t lim = n - 4 > 0 ? n - 4 : 0;
	for (s--; s >= lim; s--)
		if ((p[s] & 0xC0) != 0x80)
			break;
	if (s < 0)
		s = 0;
	int64_t next;
	int64_t r = decode(p, n, s, &next);
	if (next != n) {
		*start = n - 1;
		return RT_RUNE_ERROR;
	}
	*start = s;
	return r;
}

static RtSlice
new_strings(int64_t n)
{
	RtSlice sl = {rt_zerobase, 0, 0};
	if (n > 0)
		sl.ptr = rt_alloc_array(&rt_type_string, n);
	sl.cap = n;
	return sl;
}

// ---- searching ----

static int64_t
index_of(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	if (m == 0)
		return 0;
	if (m > n)
		return -1;
	const uint8_t *q = memmem(s, (size_t)n, sub, (size_t)m);
	return q ? q - s : -1;
}

static int64_t
last_index_of(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	if (m == 0)
		return n;
	for (int64_t i = n - m; i >= 0; i--)
		if (s[i] == sub[0] && memcmp(s + i, sub, (size_t)m) == 0)
			return i;
	return -1;
}

static int64_t
count_of(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	if (m == 0)
		return rt_runecount(s, n) + 1;
	int64_t c = 0;
	for (;;) {
		int64_t i = index_of(s, n, sub, m);
		if (i < 0)
			return c;
		c++;
		s += i + m;
		n -= i + m;
	}
}

static int64_t
index_rune(const uint8_t *s, int64_t n, int64_t r)
{
	if (r >= 0 && r < 0x80) {
		const uint8_t *q = n > 0 ? memchr(s, (int)r, (size_t)n) : NULL;
		return q ? q - s : -1;
	}
	for (int64_t k = 0, next; k < n; k = next) {
		int64_t c = decode(s, n, k, &next);
		if (c == r)
			return k;
	}
	return -1;
}

static bool
rune_in(int64_t r, const uint8_t *set, int64_t m)
{
	for (int64_t k = 0, next; k < m; k = next)
		if (decode(set, m, k, &next) == r)
			return true;
	return false;
}

// rt_strings_Index implements strings.Index(s, substr).
int64_t
rt_strings_Index(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	return index_of(s, n, sub, m);
}

// rt_strings_LastIndex implements strings.LastIndex(s, substr).
int64_t
rt_strings_LastIndex(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	return last_index_of(s, n, sub, m);
}

// rt_strings_IndexByte implements strings.IndexByte(s, c).
int64_t
rt_strings_IndexByte(const uint8_t *s, int64_t n, int64_t c)
{
	const uint8_t *q = n > 0 ? memchr(s, (int)(uint8_t)c, (size_t)n) : NULL;
	return q ? q - s : -1;
}

// rt_strings_LastIndexByte implements strings.LastIndexByte(s, c).
int64_t
rt_strings_LastIndexByte(const uint8_t *s, int64_t n, int64_t c)
{
	for (int64_t i = n - 1; i >= 0; i--)
		if (s[i] == (uint8_t)c)
			return i;
	return -1;
}

// rt_strings_IndexRune implements strings.IndexRune(s, r).
int64_t
rt_strings_IndexRune(const uint8_t *s, int64_t n, int64_t r)
{
	if (r == RT_RUNE_ERROR) { // matches invalid bytes as well as U+FFFD itself
		for (int64_t k = 0, next; k < n; k = next)
			if (decode(s, n, k, &next) == RT_RUNE_ERROR)
				return k;
		return -1;
	}
	if (r < 0 || r > RT_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF))
		return -1;
	return index_rune(s, n, r);
}

// rt_strings_IndexAny implements strings.IndexAny(s, chars).
int64_t
rt_strings_IndexAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	if (m == 0)
		return -1;
	for (int64_t k = 0, next; k < n; k = next)
		if (rune_in(decode(s, n, k, &next), cs, m))
			return k;
	return -1;
}

// rt_strings_LastIndexAny implements strings.LastIndexAny(s, chars).
int64_t
rt_strings_LastIndexAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	if (m == 0)
		return -1;
	for (int64_t end = n, start; end > 0; end = start)
		if (rune_in(decode_last(s, end, &start), cs, m))
			return start;
	return -1;
}

// rt_strings_Contains implements strings.Contains(s, substr).
int64_t
rt_strings_Contains(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	return index_of(s, n, sub, m) >= 0;
}

// rt_strings_ContainsRune implements strings.ContainsRune(s, r).
int64_t
rt_strings_ContainsRune(const uint8_t *s, int64_t n, int64_t r)
{
	return rt_strings_IndexRune(s, n, (int32_t)r) >= 0;
}

// rt_strings_ContainsAny implements strings.ContainsAny(s, chars).
int64_t
rt_strings_ContainsAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	return rt_strings_IndexAny(s, n, cs, m) >= 0;
}

// rt_strings_HasPrefix implements strings.HasPrefix(s, prefix).
int64_t
rt_strings_HasPrefix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m)
{
	return n >= m && (m == 0 || memcmp(s, p, (size_t)m) == 0);
}

// rt_strings_HasSuffix implements strings.HasSuffix(s, suffix).
int64_t
rt_strings_HasSuffix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m)
{
	return n >= m && (m == 0 || memcmp(s + n - m, p, (size_t)m) == 0);
}

// rt_strings_Count implements strings.Count(s, substr).
int64_t
rt_strings_Count(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m)
{
	return count_of(s, n, sub, m);
}

// rt_strings_Compare implements strings.Compare(a, b).
int64_t
rt_strings_Compare(const uint8_t *a, int64_t an, const uint8_t *b, int64_t bn)
{
	return rt_strcmp(a, an, b, bn);
}

// rt_strings_EqualFold implements strings.EqualFold(s, t): equal under simple Unicode
// case folding.
int64_t
rt_strings_EqualFold(const uint8_t *s, int64_t n, const uint8_t *t, int64_t m)
{
	int64_t i = 0, j = 0;
	while (i < n && j < m) {
		int64_t a = decode(s, n, i, &i), b = decode(t, m, j, &j);
		if (a == b)
			continue;
		if (to_lower(a) == to_lower(b) || to_upper(a) == to_upper(b))
			continue;
		return 0;
	}
	return i == n && j == m;
}

// ---- splitting and joining ----

// rt_strings_Cut implements strings.Cut(s, sep).
void
rt_strings_Cut(RtCut *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m)
{
	int64_t i = index_of(s, n, sep, m);
	if (i >= 0) {
		*out = (RtCut){{s, i}, {s + i + m, n - i - m}, 1};
		return;
	}
	*out = (RtCut){{s, n}, {NULL, 0}, 0};
}

// explode splits s into its UTF-8 sequences (each invalid byte becomes "\uFFFD"), at most
// max of them (max < 0: all), the last holding the rest.
static void
explode(RtSlice *out, const uint8_t *s, int64_t n, int64_t max)
{
	int64_t l = rt_runecount(s, n);
	if (max < 0 || max > l)
		max = l;
	*out = new_strings(max);
	RtString *a = out->ptr;
	int64_t k = 0;
	for (int64_t i = 0; i < max - 1 && k < n; i++) {
		int64_t next;
		if (decode(s, n, k, &next) == RT_RUNE_ERROR)
			a[i] = (RtString){(const uint8_t *)"\xef\xbf\xbd", 3}; // "\uFFFD"
		else
			a[i] = (RtString){s + k, next - k};
		k = next;
	}
	if (max > 0)
		a[max - 1] = (RtString){s + k, n - k};
	out->len = max;
}

// gen_split is Go's genSplit: at most max substrings (max < 0: all), each separator kept
// at the end of its substring when save.
static void
gen_split(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m,
	  bool save, int64_t max)
{
	if (max == 0) {
		*out = (RtSlice){NULL, 0, 0};
		return;
	}
	if (m == 0) {
		explode(out, s, n, max);
		return;
	}
	if (max < 0)
		max = count_of(s, n, sep, m) + 1;
	if (max > n + 1)
		max = n + 1;
	*out = new_strings(max);
	RtString *a = out->ptr;
	int64_t i = 0;
	while (i < max - 1) {
		int64_t k = index_of(s, n, sep, m);
		if (k < 0)
			break;
		a[i++] = (RtString){s, k + (save ? m : 0)};
		s += k + m;
		n -= k + m;
	}
	a[i] = (RtString){s, n};
	out->len = i + 1;
}

// rt_strings_Split implements strings.Split(s, sep).
void
rt_strings_Split(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m)
{
	gen_split(out, s, n, sep, m, false, -1);
}

// rt_strings_SplitN implements strings.SplitN(s, sep, n).
void
rt_strings_SplitN(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m,
		  int64_t max)
{
	gen_split(out, s, n, sep, m, false, max);
}

// rt_strings_SplitAfter implements strings.SplitAfter(s, sep).
void
rt_strings_SplitAfter(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep,
		      int64_t m)
{
	gen_split(out, s, n, sep, m, true, -1);
}

// rt_strings_SplitAfterN implements strings.SplitAfterN(s, sep, n).
void
rt_strings_SplitAfterN(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep,
		       int64_t m, int64_t max)
{
	gen_split(out, s, n, sep, m, true, max);
}

typedef uint8_t (*RunePred)(void *ctx, int32_t r); // a Go func(rune) bool

static bool
call_pred(RtClosure *f, int64_t r)
{
	if (f == NULL)
		rt_panic_nil();
	return ((RunePred)(void *)f->fn)(f, (int32_t)r) & 1;
}

// fields splits s around runs of runes for which pred (a closure, or is_space when NULL)
// holds.
static void
fields(RtSlice *out, const uint8_t *s, int64_t n, RtClosure *pred)
{
	int64_t count = 0;
	bool in = false;
	for (int64_t k = 0, next; k < n; k = next) {
		int64_t r = decode(s, n, k, &next);
		bool sp = pred ? call_pred(pred, r) : is_space(r);
		if (!sp && !in)
			count++;
		in = !sp;
	}
	*out = new_strings(count);
	RtString *a = out->ptr;
	int64_t i = 0, start = -1;
	for (int64_t k = 0, next; k < n && i < count; k = next) {
		int64_t r = decode(s, n, k, &next);
		bool sp = pred ? call_pred(pred, r) : is_space(r);
		if (sp && start >= 0) {
			a[i++] = (RtString){s + start, k - start};
			start = -1;
		} else if (!sp && start < 0) {
			start = k;
		}
	}
	if (start >= 0 && i < count)
		a[i++] = (RtString){s + start, n - start};
	out->len = i;
}

// rt_strings_Fields implements strings.Fields(s).
void
rt_strings_Fields(RtSlice *out, const uint8_t *s, int64_t n)
{
	fields(out, s, n, NULL);
}

// rt_strings_FieldsFunc implements strings.FieldsFunc(s, f).
void
rt_strings_FieldsFunc(RtSlice *out, const uint8_t *s, int64_t n, RtClosure *f)
{
	fields(out, s, n, f);
}

// rt_strings_Join implements strings.Join(elems, sep).
RtString
rt_strings_Join(const RtString *e, int64_t len, int64_t cap, const uint8_t *sep, int64_t m)
{
	if (len == 0)
		return (RtString){NULL, 0};
	if (len == 1)
		return e[0];
	int64_t total = m * (len - 1);
	for (int64_t i = 0; i < len; i++)
		total += e[i].len;
	uint8_t *b;
	RtString s = rt_str_new(total, &b);
	for (int64_t i = 0; i < len; i++) {
		if (i > 0 && m > 0) {
			memcpy(b, sep, (size_t)m);
			b += m;
		}
		if (e[i].len > 0) {
			memcpy(b, e[i].ptr, (size_t)e[i].len);
			b += e[i].len;
		}
	}
	return s;
}

// rt_strings_Repeat implements strings.Repeat(s, count).
RtString
rt_strings_Repeat(const uint8_t *s, int64_t n, int64_t count)
{
	if (count == 0)
		return (RtString){NULL, 0};
	if (count < 0)
		rt_panic_str("strings: negative Repeat count");
	if (n > 0 && (count > INT64_MAX / n))
		rt_panic_str("strings: Repeat count causes overflow");
	uint8_t *b;
	RtString r = rt_str_new(n * count, &b);
	for (int64_t i = 0; i < count; i++)
		memcpy(b + i * n, s, (size_t)n);
	return r;
}

// ---- trimming ----

typedef struct Span {
	int64_t lo, hi; // the kept part: s[lo:hi]
} Span;

static int64_t
trim_left_set(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	int64_t k = 0;
	while (k < n) {
		int64_t next;
		if (!rune_in(decode(s, n, k, &next), cs, m))
			break;
		k = next;
	}
	return k;
}

static int64_t
trim_right_set(const uint8_t *s, int64_t lo, int64_t n, const uint8_t *cs, int64_t m)
{
	while (n > lo) {
		int64_t start;
		int64_t r = decode_last(s, n, &start);
		if (start < lo || !rune_in(r, cs, m))
			break;
		n = start;
	}
	return n;
}

// rt_strings_Trim implements strings.Trim(s, cutset).
RtString
rt_strings_Trim(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	if (n == 0 || m == 0)
		return (RtString){s, n};
	int64_t lo = trim_left_set(s, n, cs, m);
	int64_t hi = trim_right_set(s, lo, n, cs, m);
	return (RtString){s + lo, hi - lo};
}

// rt_strings_TrimLeft implements strings.TrimLeft(s, cutset).
RtString
rt_strings_TrimLeft(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	if (n == 0 || m == 0)
		return (RtString){s, n};
	int64_t lo = trim_left_set(s, n, cs, m);
	return (RtString){s + lo, n - lo};
}

// rt_strings_TrimRight implements strings.TrimRight(s, cutset).
RtString
rt_strings_TrimRight(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m)
{
	if (n == 0 || m == 0)
		return (RtString){s, n};
	return (RtString){s, trim_right_set(s, 0, n, cs, m)};
}

static Span
trim_func(const uint8_t *s, int64_t n, RtClosure *f, bool left, bool right)
{
	Span sp = {0, n};
	while (left && sp.lo < n) {
		int64_t next;
		int64_t r = decode(s, n, sp.lo, &next);
		if (!(f ? call_pred(f, r) : is_space(r)))
			break;
		sp.lo = next;
	}
	while (right && sp.hi > sp.lo) {
		int64_t start;
		int64_t r = decode_last(s, sp.hi, &start);
		if (start < sp.lo || !(f ? call_pred(f, r) : is_space(r)))
			break;
		sp.hi = start;
	}
	return sp;
}

// rt_strings_TrimSpace implements strings.TrimSpace(s).
RtString
rt_strings_TrimSpace(const uint8_t *s, int64_t n)
{
	Span sp = trim_func(s, n, NULL, true, true);
	if (sp.hi == sp.lo)
		return (RtString){NULL, 0};
	return (RtString){s + sp.lo, sp.hi - sp.lo};
}

// rt_strings_TrimFunc implements strings.TrimFunc(s, f).
RtString
rt_strings_TrimFunc(const uint8_t *s, int64_t n, RtClosure *f)
{
	Span sp = trim_func(s, n, f, true, true);
	return (RtString){s + sp.lo, sp.hi - sp.lo};
}

// rt_strings_TrimLeftFunc implements strings.TrimLeftFunc(s, f).
RtString
rt_strings_TrimLeftFunc(const uint8_t *s, int64_t n, RtClosure *f)
{
	Span sp = trim_func(s, n, f, true, false);
	return (RtString){s + sp.lo, sp.hi - sp.lo};
}

// rt_strings_TrimRightFunc implements strings.TrimRightFunc(s, f).
RtString
rt_strings_TrimRightFunc(const uint8_t *s, int64_t n, RtClosure *f)
{
	Span sp = trim_func(s, n, f, false, true);
	return (RtString){s + sp.lo, sp.hi - sp.lo};
}

// rt_strings_IndexFunc implements strings.IndexFunc(s, f).
int64_t
rt_strings_IndexFunc(const uint8_t *s, int64_t n, RtClosure *f)
{
	for (int64_t k = 0, next; k < n; k = next)
		if (call_pred(f, decode(s, n, k, &next)))
			return k;
	return -1;
}

// rt_strings_TrimPrefix implements strings.TrimPrefix(s, prefix).
RtString
rt_strings_TrimPrefix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m)
{
	if (rt_strings_HasPrefix(s, n, p, m))
		return (RtString){s + m, n - m};
	return (RtString){s, n};
}

// rt_strings_TrimSuffix implements strings.TrimSuffix(s, suffix).
RtString
rt_strings_TrimSuffix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m)
{
	if (rt_strings_HasSuffix(s, n, p, m))
		return (RtString){s, n - m};
	return (RtString){s, n};
}

// ---- mapping ----

typedef int64_t (*RuneMap)(void *ctx, int64_t r);

// map_runes is strings.Map with mapping fn (given ctx): s itself when nothing changes;
// a negative mapping drops the rune; invalid bytes count as changed (they become
// U+FFFD unless dropped).
static RtString
map_runes(const uint8_t *s, int64_t n, RuneMap fn, void *ctx)
{
	RtStrBuf b = {0};
	bool changed = false;
	for (int64_t k = 0, next; k < n; k = next) {
		int64_t c = decode(s, n, k, &next);
		int64_t r = fn(ctx, c);
		if (!changed) {
			if (r == c && !(c == RT_RUNE_ERROR && next - k == 1))
				continue;
			changed = true;
			rt_sb_write(&b, s, k);
		}
		if (r >= 0)
			rt_sb_rune(&b, r);
	}
	if (!changed)
		return (RtString){s, n};
	return rt_sb_string(&b);
}

static int64_t
upper_fn(void *ctx, int64_t r)
{
	return to_upper(r);
}

static int64_t
lower_fn(void *ctx, int64_t r)
{
	return to_lower(r);
}

static int64_t
closure_fn(void *ctx, int64_t r)
{
	RtClosure *f = ctx;
	int32_t (*fn)(void *, int32_t) = (int32_t(*)(void *, int32_t))(void *)f->fn;
	return fn(f, (int32_t)r);
}

// rt_strings_ToUpper implements strings.ToUpper(s).
RtString
rt_strings_ToUpper(const uint8_t *s, int64_t n)
{
	return map_runes(s, n, upper_fn, NULL);
}

// rt_strings_ToLower implements strings.ToLower(s).
RtString
rt_strings_ToLower(const uint8_t *s, int64_t n)
{
	return map_runes(s, n, lower_fn, NULL);
}

// rt_strings_Map implements strings.Map(mapping, s).
RtString
rt_strings_Map(RtClosure *f, const uint8_t *s, int64_t n)
{
	if (f == NULL && n > 0)
		rt_panic_nil();
	return map_runes(s, n, closure_fn, f);
}

// rt_strings_Replace implements strings.Replace(s, old, new, n).
RtString
rt_strings_Replace(const uint8_t *s, int64_t sn, const uint8_t *old, int64_t on,
		   const uint8_t *nw, int64_t nn, int64_t n)
{
	if ((on == nn && (on == 0 || memcmp(old, nw, (size_t)on) == 0)) || n == 0)
		return (RtString){s, sn};
	int64_t m = count_of(s, sn, old, on);
	if (m == 0)
		return (RtString){s, sn};
	if (n < 0 || m < n)
		n = m;
	RtStrBuf b = {0};
	int64_t start = 0;
	for (int64_t i = 0; i < n; i++) {
		int64_t j = start;
		if (on == 0) {
			if (i > 0 && start < sn) {
				int64_t next;
				decode(s, sn, start, &next);
				j = next;
			}
		} else {
			j += index_of(s + start, sn - start, old, on);
		}
		rt_sb_write(&b, s + start, j - start);
		rt_sb_write(&b, nw, nn);
		start = j + on;
	}
	rt_sb_write(&b, s + start, sn - start);
	return rt_sb_string(&b);
}

// rt_strings_ReplaceAll implements strings.ReplaceAll(s, old, new).
RtString
rt_strings_ReplaceAll(const uint8_t *s, int64_t sn, const uint8_t *old, int64_t on,
		      const uint8_t *nw, int64_t nn)
{
	return rt_strings_Replace(s, sn, old, on, nw, nn, -1);
}

// ---- strings.Builder ----
//
// Builder is struct{ addr *Builder; buf []byte }, as Go's: addr remembers the receiver so
// that a copied non-zero Builder panics; buf grows by append's rule (Grow: to 2*cap+n);
// String returns the bytes without copying. The methods are called statically as
// rt_strings_<Method> (codegen's rule) and through interfaces via the method table of
// the runtime's *strings.Builder descriptor, which replaces codegen's weak copy.

typedef struct Builder Builder;
struct Builder {
	Builder *addr;
	RtSlice buf;
};

static const RtType byte_type = {
	.size = 1, .kind = RT_KIND_UINT8, .align = 1, .hash = 0x199df2db, .name = "uint8",
};

static void
copy_check(Builder *b)
{
	if (b == NULL)
		rt_panic_nil();
	if (b->addr == NULL)
		b->addr = b;
	else if (b->addr != b)
		rt_panic_str("strings: illegal use of non-zero Builder copied by value");
}

static void
builder_append(Builder *b, const void *p, int64_t n)
{
	RtSlice *s = &b->buf;
	if (s->len + n > s->cap) {
		RtSlice ns;
		rt_growslice(&ns, &byte_type, s->ptr, s->len, s->cap, s->len + n);
		*s = ns;
	} else {
		s->len += n;
	}
	if (n > 0)
		memcpy((uint8_t *)s->ptr + s->len - n, p, (size_t)n);
}

// rt_strings_String implements (*strings.Builder).String().
RtString
rt_strings_String(Builder *b)
{
	if (b == NULL)
		rt_panic_nil();
	return (RtString){b->buf.ptr, b->buf.len};
}

// rt_strings_Len implements (*strings.Builder).Len().
int64_t
rt_strings_Len(Builder *b)
{
	if (b == NULL)
		rt_panic_nil();
	return b->buf.len;
}

// rt_strings_Cap implements (*strings.Builder).Cap().
int64_t
rt_strings_Cap(Builder *b)
{
	if (b == NULL)
		rt_panic_nil();
	return b->buf.cap;
}

// rt_strings_Reset implements (*strings.Builder).Reset().
void
rt_strings_Reset(Builder *b)
{
	if (b == NULL)
		rt_panic_nil();
	b->addr = NULL;
	b->buf = (RtSlice){NULL, 0, 0};
}

// rt_strings_Grow implements (*strings.Builder).Grow(n).
void
rt_strings_Grow(Builder *b, int64_t n)
{
	copy_check(b);
	if (n < 0)
		rt_panic_str("strings.Builder.Grow: negative count");
	if (b->buf.cap - b->buf.len < n) {
		RtSlice ns;
		rt_makeslice(&ns, &byte_type, b->buf.len, 2 * b->buf.cap + n);
		if (b->buf.len > 0)
			memcpy(ns.ptr, b->buf.ptr, (size_t)b->buf.len);
		b->buf = ns;
	}
}

// rt_strings_Write implements (*strings.Builder).Write(p).
void
rt_strings_Write(RtIntErr *out, Builder *b, const uint8_t *p, int64_t len, int64_t cap)
{
	copy_check(b);
	builder_append(b, p, len);
	*out = (RtIntErr){len, {NULL, NULL}};
}

// rt_strings_WriteString implements (*strings.Builder).WriteString(s).
void
rt_strings_WriteString(RtIntErr *out, Builder *b, const uint8_t *p, int64_t len)
{
	copy_check(b);
	builder_append(b, p, len);
	*out = (RtIntErr){len, {NULL, NULL}};
}

// rt_strings_WriteByte implements (*strings.Builder).WriteByte(c).
void
rt_strings_WriteByte(RtIface *out, Builder *b, int64_t c)
{
	copy_check(b);
	uint8_t x = (uint8_t)c;
	builder_append(b, &x, 1);
	*out = (RtIface){NULL, NULL};
}

// rt_strings_WriteRune implements (*strings.Builder).WriteRune(r).
void
rt_strings_WriteRune(RtIntErr *out, Builder *b, int64_t r)
{
	copy_check(b);
	uint8_t tmp[4];
	int w = rt_encoderune(tmp, (int32_t)r);
	builder_append(b, tmp, w);
	*out = (RtIntErr){w, {NULL, NULL}};
}

static RtIface
builder_writebyte_ifn(Builder *b, int64_t c)
{
	RtIface err;
	rt_strings_WriteByte(&err, b, c);
	return err;
}

// Method-table entries returning (int, error) in rax, rdx, rcx (see RT_RET3_TRAMPOLINE).
void rt_strings_write_ifn(void);
void rt_strings_writestring_ifn(void);
void rt_strings_writerune_ifn(void);
RT_RET3_TRAMPOLINE(rt_strings_write_ifn, rt_strings_Write)
RT_RET3_TRAMPOLINE(rt_strings_writestring_ifn, rt_strings_WriteString)
RT_RET3_TRAMPOLINE(rt_strings_writerune_ifn, rt_strings_WriteRune)

static const uint8_t gc_builder[] = {0x03}; // addr, buf.ptr
static const uint8_t gc_ptr1[] = {0x01};

// Linked under codegen's descriptor name, overriding its weak copy (cgtype.c).
extern const RtType rt_type_strings_builder_ptr __asm__("\"type:*strings.Builder\"");

static const RtType byte_slice_type = {
	.size = 24, .ptrdata = 8, .hash = 0xb047183b, .kind = RT_KIND_SLICE, .align = 8,
	.gcdata = gc_ptr1, .name = "[]uint8", .elem = &byte_type,
};

static const RtField builder_fields[] = {
	{"addr", &rt_type_strings_builder_ptr, 0, 0},
	{"buf", &byte_slice_type, 8, 0},
};

static const RtType builder_type = {
	.size = 32, .ptrdata = 16, .hash = 0xc9d9d918, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_builder, .name = "strings.Builder",
	.nfields = 2, .fields = builder_fields,
};

static const RtMethod builder_methods[] = {
	{"Cap", "func() int", (void (*)(void))rt_strings_Cap, NULL},
	{"Grow", "func(int)", (void (*)(void))rt_strings_Grow, NULL},
	{"Len", "func() int", (void (*)(void))rt_strings_Len, NULL},
	{"Reset", "func()", (void (*)(void))rt_strings_Reset, NULL},
	{"String", "func() string", (void (*)(void))rt_strings_String, NULL},
	{"Write", "func([]uint8) (int, error)", rt_strings_write_ifn, NULL},
	{"WriteByte", "func(uint8) error", (void (*)(void))builder_writebyte_ifn, NULL},
	{"WriteRune", "func(int32) (int, error)", rt_strings_writerune_ifn, NULL},
	{"WriteString", "func(string) (int, error)", rt_strings_writestring_ifn, NULL},
};

const RtType rt_type_strings_builder_ptr = {
	.size = 8, .ptrdata = 8, .hash = 0xde790a10, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1,
	.name = "*strings.Builder", .elem = &builder_type,
	.methods = builder_methods, .nmethods = 9,
};

// ---- bytes ----

// rt_bytes_Equal implements bytes.Equal(a, b).
int64_t
rt_bytes_Equal(const uint8_t *a, int64_t an, int64_t ac, const uint8_t *b, int64_t bn,
	       int64_t bc)
{
	return rt_strequal(a, an, b, bn);
}

// rt_bytes_Compare implements bytes.Compare(a, b).
int64_t
rt_bytes_Compare(const uint8_t *a, int64_t an, int64_t ac, const uint8_t *b, int64_t bn,
		 int64_t bc)
{
	return rt_strcmp(a, an, b, bn);
}

// rt_bytes_Index implements bytes.Index(s, sep).
int64_t
rt_bytes_Index(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub, int64_t m,
	       int64_t mc)
{
	return index_of(s, n, sub, m);
}

// rt_bytes_LastIndex implements bytes.LastIndex(s, sep).
int64_t
rt_bytes_LastIndex(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub, int64_t m,
		   int64_t mc)
{
	return last_index_of(s, n, sub, m);
}

// rt_bytes_IndexByte implements bytes.IndexByte(b, c).
int64_t
rt_bytes_IndexByte(const uint8_t *s, int64_t n, int64_t sc, int64_t c)
{
	return rt_strings_IndexByte(s, n, c);
}

// rt_bytes_Contains implements bytes.Contains(b, subslice).
int64_t
rt_bytes_Contains(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub, int64_t m,
		  int64_t mc)
{
	return index_of(s, n, sub, m) >= 0;
}

// rt_bytes_HasPrefix implements bytes.HasPrefix(s, prefix).
int64_t
rt_bytes_HasPrefix(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *p, int64_t m,
		   int64_t mc)
{
	return rt_strings_HasPrefix(s, n, p, m);
}

// rt_bytes_HasSuffix implements bytes.HasSuffix(s, suffix).
int64_t
rt_bytes_HasSuffix(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *p, int64_t m,
		   int64_t mc)
{
	return rt_strings_HasSuffix(s, n, p, m);
}

// rt_bytes_Count implements bytes.Count(s, sep).
int64_t
rt_bytes_Count(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub, int64_t m,
	       int64_t mc)
{
	return count_of(s, n, sub, m);
}
