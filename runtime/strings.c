// strings.c: string operations (concatenation, comparison, conversions), UTF-8 decoding
// and encoding with Go's rules, and equality of values by type layout.
//
// UTF-8 follows Go's unicode/utf8 exactly: a sequence is valid only in its shortest form,
// never encodes a surrogate (U+D800..U+DFFF) or a value above U+10FFFF; the accepted
// second bytes are E0:A0-BF, ED:80-9F, F0:90-BF, F4:80-8F, otherwise 80-BF. Anything
// else decodes as (U+FFFD, width 1), so a bad byte costs exactly one position, as in
// `for i, r := range s`. Encoding turns surrogates and out-of-range values into U+FFFD.
//
// Conversions allocate like gc's heap case: []byte(s) gets cap = the size class of len
// (so cap([]byte("hello")) is 8 when the slice escapes), []rune(s) likewise in runes.
// Strings are immutable, so a concatenation with a single non-empty operand returns it.
//
// See it: runtime/strings_test.c.
#include <string.h>

#include "rtint.h"

// ---- UTF-8 ----

// rt_decoderune decodes the rune starting at p[k] (k < n) and stores the index after it
// in *next; invalid or truncated input yields U+FFFD and k+1.
int64_t
rt_decoderune(const uint8_t *p, int64_t n, int64_t k, int64_t *next)
{
	uint8_t c = p[k];
	if (c < 0x80) {
		*next = k + 1;
		return c;
	}
	int w;
	uint8_t lo = 0x80, hi = 0xBF;
	int64_t r;
	if (c >= 0xC2 && c <= 0xDF) {
		w = 2;
		r = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		w = 3;
		r = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		w = 4;
		r = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		goto bad;
	}
	if (k + w > n)
		goto bad;
	if (p[k + 1] < lo || p[k + 1] > hi)
		goto bad;
	for (int i = 1; i < w; i++) {
		if (i > 1 && (p[k + i] < 0x80 || p[k + i] > 0xBF))
			goto bad;
		r = r << 6 | (p[k + i] & 0x3F);
	}
	*next = k + w;
	return r;
bad:
	*next = k + 1;
	return RT_RUNE_ERROR;
}

// rt_encoderune writes r as UTF-8 into buf (4 bytes of room) and returns the length.
int
rt_encoderune(uint8_t *buf, int64_t r)
{
	if (r >= 0 && r < 0x80) {
		buf[0] = (uint8_t)r;
		return 1;
	}
	if (r >= 0 && r < 0x800) {
		buf[0] = (uint8_t)(0xC0 | r >> 6);
		buf[1] = (uint8_t)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0 || r > RT_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF))
		r = RT_RUNE_ERROR;
	if (r < 0x10000) {
		buf[0] = (uint8_t)(0xE0 | r >> 12);
		buf[1] = (uint8_t)(0x80 | (r >> 6 & 0x3F));
		buf[2] = (uint8_t)(0x80 | (r & 0x3F));
		return 3;
	}
	buf[0] = (uint8_t)(0xF0 | r >> 18);
	buf[1] = (uint8_t)(0x80 | (r >> 12 & 0x3F));
	buf[2] = (uint8_t)(0x80 | (r >> 6 & 0x3F));
	buf[3] = (uint8_t)(0x80 | (r & 0x3F));
	return 4;
}

// rt_runecount counts the runes of p[0:n] as utf8.RuneCount does.
int64_t
rt_runecount(const uint8_t *p, int64_t n)
{
	int64_t count = 0;
	for (int64_t k = 0; k < n; count++) {
		if (p[k] < 0x80)
			k++;
		else
			rt_decoderune(p, n, k, &k);
	}
	return count;
}

// ---- strings ----

static RtString
mkstring(int64_t n, uint8_t **bytes)
{
	RtString s = {NULL, 0};
	if (n == 0) {
		*bytes = NULL;
		return s;
	}
	*bytes = rt_alloc_bytes(n, 1);
	s.ptr = *bytes;
	s.len = n;
	return s;
}

// rt_concatstrings concatenates parts[0:n].
RtString
rt_concatstrings(const RtString *parts, int64_t n)
{
	int64_t total = 0, count = 0, last = 0;
	for (int64_t i = 0; i < n; i++) {
		if (parts[i].len == 0)
			continue;
		if (total + parts[i].len < total)
			rt_throw("string concatenation too long");
		total += parts[i].len;
		count++;
		last = i;
	}
	if (count == 0)
		return (RtString){NULL, 0};
	if (count == 1)
		return parts[last];
	uint8_t *b;
	RtString s = mkstring(total, &b);
	for (int64_t i = 0; i < n; i++) {
		if (parts[i].len > 0) {
			memcpy(b, parts[i].ptr, (size_t)parts[i].len);
			b += parts[i].len;
		}
	}
	return s;
}

// rt_strequal reports whether two strings have the same bytes.
int64_t
rt_strequal(const uint8_t *a, int64_t an, const uint8_t *b, int64_t bn)
{
	return an == bn && (an == 0 || a == b || memcmp(a, b, (size_t)an) == 0);
}

// rt_strcmp compares two strings bytewise: -1, 0 or 1.
int64_t
rt_strcmp(const uint8_t *a, int64_t an, const uint8_t *b, int64_t bn)
{
	int64_t n = an < bn ? an : bn;
	int c = n > 0 ? memcmp(a, b, (size_t)n) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return an < bn ? -1 : an > bn ? 1 : 0;
}

// rt_bytes2str implements string(b): a copy of p[0:n].
RtString
rt_bytes2str(const uint8_t *p, int64_t n)
{
	uint8_t *b;
	RtString s = mkstring(n, &b);
	if (n > 0)
		memcpy(b, p, (size_t)n);
	return s;
}

// rt_str2bytes implements []byte(s); cap is len rounded up to its size class.
void
rt_str2bytes(RtSlice *out, const uint8_t *p, int64_t n)
{
	if (n == 0) {
		out->ptr = rt_zerobase;
		out->len = out->cap = 0;
		return;
	}
	int64_t cap = (int64_t)rt_roundupsize((uint64_t)n);
	uint8_t *b = rt_alloc_bytes(cap, 1);
	memcpy(b, p, (size_t)n);
	out->ptr = b;
	out->len = n;
	out->cap = cap;
}

// rt_runes2str implements string(runes); invalid runes become U+FFFD.
RtString
rt_runes2str(const int32_t *p, int64_t n)
{
	uint8_t tmp[4];
	int64_t total = 0;
	for (int64_t i = 0; i < n; i++)
		total += rt_encoderune(tmp, p[i]);
	uint8_t *b;
	RtString s = mkstring(total, &b);
	for (int64_t i = 0; i < n; i++)
		b += rt_encoderune(b, p[i]);
	return s;
}

// rt_str2runes implements []rune(s); cap is rounded up to the size class.
void
rt_str2runes(RtSlice *out, const uint8_t *p, int64_t n)
{
	int64_t count = rt_runecount(p, n);
	if (count == 0) {
		out->ptr = rt_zerobase;
		out->len = out->cap = 0;
		return;
	}
	int64_t cap = (int64_t)(rt_roundupsize((uint64_t)count * 4) / 4);
	int32_t *r = rt_alloc_bytes(cap * 4, 1);
	int64_t i = 0;
	for (int64_t k = 0; k < n;)
		r[i++] = (int32_t)rt_decoderune(p, n, k, &k);
	out->ptr = r;
	out->len = count;
	out->cap = cap;
}

// rt_rune2str implements string(r) for an integer r; invalid runes give "\uFFFD".
RtString
rt_rune2str(int64_t r)
{
	uint8_t tmp[4];
	int w = rt_encoderune(tmp, r);
	uint8_t *b;
	RtString s = mkstring(w, &b);
	memcpy(b, tmp, (size_t)w);
	return s;
}

// ---- equality ----

static _Noreturn void
uncomparable(const RtType *t)
{
	char msg[256];
	size_t n = strlen(t->name);
	if (n > 200)
		n = 200;
	memcpy(msg, "comparing uncomparable type ", 28);
	memcpy(msg + 28, t->name, n);
	msg[28 + n] = '\0';
	rt_panic_errstr(msg);
}

// rt_memequal reports whether *a == *b for values of type t, comparing field by field
// and element by element so that padding is ignored, floats compare as numbers (NaN !=
// NaN, +0 == -0), strings by content and interfaces by dynamic type and value.
int64_t
rt_memequal(const void *a, const void *b, const RtType *t)
{
	switch (t->kind) {
	case RT_KIND_FLOAT32:
		return *(const float *)a == *(const float *)b;
	case RT_KIND_FLOAT64:
		return *(const double *)a == *(const double *)b;
	case RT_KIND_COMPLEX64:
		return ((const float *)a)[0] == ((const float *)b)[0] &&
		       ((const float *)a)[1] == ((const float *)b)[1];
	case RT_KIND_COMPLEX128:
		return ((const double *)a)[0] == ((const double *)b)[0] &&
		       ((const double *)a)[1] == ((const double *)b)[1];
	case RT_KIND_STRING: {
		const RtString *x = a, *y = b;
		return rt_strequal(x->ptr, x->len, y->ptr, y->len);
	}
	case RT_KIND_INTERFACE: {
		const RtType *ta, *tb;
		void *da, *db;
		rt_iface_decode(t, a, &ta, &da);
		rt_iface_decode(t, b, &tb, &db);
		return rt_efaceeq(ta, da, tb, db);
	}
	case RT_KIND_ARRAY:
		for (uint64_t i = 0; i < t->len; i++) {
			uint64_t off = i * t->elem->size;
			if (!rt_memequal((const uint8_t *)a + off, (const uint8_t *)b + off, t->elem))
				return 0;
		}
		return 1;
	case RT_KIND_STRUCT:
		for (uint32_t i = 0; i < t->nfields; i++) {
			const RtField *f = &t->fields[i];
			if (f->name[0] == '_' && f->name[1] == '\0')
				continue; // blank fields take no part in ==
			if (!rt_memequal((const uint8_t *)a + f->offset,
					 (const uint8_t *)b + f->offset, f->type))
				return 0;
		}
		return 1;
	case RT_KIND_SLICE:
	case RT_KIND_MAP:
	case RT_KIND_FUNC:
		uncomparable(t);
	default:
		return t->size == 0 || memcmp(a, b, t->size) == 0;
	}
}

// rt_efaceeq reports whether two interface values are equal: same dynamic type (type
// descriptors are unique per type) and equal values; comparing values of an uncomparable
// type panics as in Go.
int64_t
rt_efaceeq(const RtType *ta, void *da, const RtType *tb, void *db)
{
	if (ta != tb)
		return 0;
	if (ta == NULL)
		return 1;
	if (!rt_type_comparable(ta))
		uncomparable(ta);
	if (ta->flags & RT_FLAG_DIRECT)
		return da == db;
	return rt_memequal(da, db, ta);
}
