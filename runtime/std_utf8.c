// std_utf8.c: the unicode/utf8 package (rt_unicode_utf8_<Name>): RuneLen, RuneCount(InString),
// DecodeRune(InString), DecodeLastRune(InString), EncodeRune, AppendRune, Valid(String),
// ValidRune, FullRune(InString), RuneStart, with Go's rules: an invalid or truncated
// sequence decodes as (RuneError, 1), the empty input as (RuneError, 0); surrogates and
// runes above MaxRune encode as U+FFFD. Decoding is strings.c's rt_decoderune.
//
// See it: testdata/run/stdutf8.go.
#include <string.h>

#include "rtstd.h"

static const RtType byte_type = {
	.size = 1, .kind = RT_KIND_UINT8, .align = 1, .hash = 0x199df2db, .name = "uint8",
};

static bool
valid_rune(int64_t r)
{
	return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= RT_MAX_RUNE);
}

static void
decode_first(RtRuneSize *out, const uint8_t *p, int64_t n)
{
	if (n == 0) {
		*out = (RtRuneSize){RT_RUNE_ERROR, 0};
		return;
	}
	int64_t next;
	out->r = (int32_t)rt_decoderune(p, n, 0, &next);
	out->size = next;
}

static void
decode_last(RtRuneSize *out, const uint8_t *p, int64_t n)
{
	if (n == 0) {
		*out = (RtRuneSize){RT_RUNE_ERROR, 0};
		return;
	}
	int64_t s = n - 1;
	if (p[s] < 0x80) {
		*out = (RtRuneSize){p[s], 1};
		return;
	}
	int64_t lim = n - 4 > 0 ? n - 4 : 0;
	for (s--; s >= lim; s--)
		if ((p[s] & 0xC0) != 0x80)
			break;
	if (s < 0)
		s = 0;
	int64_t next;
	int64_t r = rt_decoderune(p, n, s, &next);
	if (next != n) {
		*out = (RtRuneSize){RT_RUNE_ERROR, 1};
		return;
	}
	*out = (RtRuneSize){(int32_t)r, n - s};
}

// rt_unicode_utf8_DecodeRuneInString implements utf8.DecodeRuneInString(s).
void
rt_unicode_utf8_DecodeRuneInString(RtRuneSize *out, const uint8_t *p, int64_t n)
{
	decode_first(out, p, n);
}

// rt_unicode_utf8_DecodeRune implements utf8.DecodeRune(p).
void
rt_unicode_utf8_DecodeRune(RtRuneSize *out, const uint8_t *p, int64_t n, int64_t cap)
{
	decode_first(out, p, n);
}

// rt_unicode_utf8_DecodeLastRuneInString implements utf8.DecodeLastRuneInString(s).
void
rt_unicode_utf8_DecodeLastRuneInString(RtRuneSize *out, const uint8_t *p, int64_t n)
{
	decode_last(out, p, n);
}

// rt_unicode_utf8_DecodeLastRune implements utf8.DecodeLastRune(p).
void
rt_unicode_utf8_DecodeLastRune(RtRuneSize *out, const uint8_t *p, int64_t n, int64_t cap)
{
	decode_last(out, p, n);
}

// rt_unicode_utf8_RuneLen implements utf8.RuneLen(r): 1-4, or -1 when r is not valid.
int64_t
rt_unicode_utf8_RuneLen(int64_t r)
{
	r = (int32_t)r;
	if (r < 0)
		return -1;
	if (r < 0x80)
		return 1;
	if (r < 0x800)
		return 2;
	if (r >= 0xD800 && r <= 0xDFFF)
		return -1;
	if (r < 0x10000)
		return 3;
	if (r <= RT_MAX_RUNE)
		return 4;
	return -1;
}

// rt_unicode_utf8_RuneCountInString implements utf8.RuneCountInString(s).
int64_t
rt_unicode_utf8_RuneCountInString(const uint8_t *p, int64_t n)
{
	return rt_runecount(p, n);
}

// rt_unicode_utf8_RuneCount implements utf8.RuneCount(p).
int64_t
rt_unicode_utf8_RuneCount(const uint8_t *p, int64_t n, int64_t cap)
{
	return rt_runecount(p, n);
}

static bool
valid(const uint8_t *p, int64_t n)
{
	for (int64_t k = 0, next; k < n; k = next)
		if (rt_decoderune(p, n, k, &next) == RT_RUNE_ERROR && next - k == 1)
			return false;
	return true;
}

// rt_unicode_utf8_ValidString implements utf8.ValidString(s).
int64_t
rt_unicode_utf8_ValidString(const uint8_t *p, int64_t n)
{
	return valid(p, n);
}

// rt_unicode_utf8_Valid implements utf8.Valid(p).
int64_t
rt_unicode_utf8_Valid(const uint8_t *p, int64_t n, int64_t cap)
{
	return valid(p, n);
}

// rt_unicode_utf8_ValidRune implements utf8.ValidRune(r).
int64_t
rt_unicode_utf8_ValidRune(int64_t r)
{
	return valid_rune((int32_t)r);
}

// rt_unicode_utf8_RuneStart implements utf8.RuneStart(b).
int64_t
rt_unicode_utf8_RuneStart(int64_t b)
{
	return ((uint8_t)b & 0xC0) != 0x80;
}

static bool
full_rune(const uint8_t *p, int64_t n)
{
	if (n == 0)
		return false;
	int64_t next;
	rt_decoderune(p, n, 0, &next);
	if (next > 1)
		return true;
	// An invalid byte is a full (one-byte) rune; a valid prefix cut short is not.
	uint8_t c = p[0];
	int need = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		 : c >= 0xF0 && c <= 0xF4 ? 4 : 1;
	if (need == 1 || n >= need)
		return true;
	uint8_t tmp[4] = {0};
	memcpy(tmp, p, (size_t)n);
	for (int64_t i = n; i < need; i++)
		tmp[i] = 0x80;
	// The prefix is a truncation of some valid sequence only if every byte so far fits.
	int64_t k;
	for (uint8_t b = 0x80; b <= 0xBF; b++) {
		for (int64_t i = n; i < need; i++)
			tmp[i] = b;
		rt_decoderune(tmp, need, 0, &k);
		if (k == need)
			return false;
	}
	return true;
}

// rt_unicode_utf8_FullRuneInString implements utf8.FullRuneInString(s).
int64_t
rt_unicode_utf8_FullRuneInString(const uint8_t *p, int64_t n)
{
	return full_rune(p, n);
}

// rt_unicode_utf8_FullRune implements utf8.FullRune(p).
int64_t
rt_unicode_utf8_FullRune(const uint8_t *p, int64_t n, int64_t cap)
{
	return full_rune(p, n);
}

// rt_unicode_utf8_EncodeRune implements utf8.EncodeRune(p, r): panics with Go's index
// error when p is too short.
int64_t
rt_unicode_utf8_EncodeRune(uint8_t *p, int64_t n, int64_t cap, int64_t r)
{
	uint8_t tmp[4];
	int w = rt_encoderune(tmp, (int32_t)r);
	if (n < w)
		rt_panic_bounds(RT_BOUNDS_INDEX, w - 1, n, 1);
	memcpy(p, tmp, (size_t)w);
	return w;
}

// rt_unicode_utf8_AppendRune implements utf8.AppendRune(p, r).
void
rt_unicode_utf8_AppendRune(RtSlice *out, uint8_t *p, int64_t n, int64_t cap, int64_t r)
{
	uint8_t tmp[4];
	int w = rt_encoderune(tmp, (int32_t)r);
	RtSlice s = {p, n + w, cap};
	if (n + w > cap)
		rt_growslice(&s, &byte_type, p, n, cap, n + w);
	memcpy((uint8_t *)s.ptr + n, tmp, (size_t)w);
	*out = s;
}
