// std_strconv.c: the strconv package subset gosub provides: Itoa, Atoi, FormatInt/Uint/
// Bool/Float, ParseInt/Uint/Bool/Float, Quote, QuoteToASCII, QuoteRune(ToASCII), Unquote,
// AppendInt, IsPrint, and the *NumError errors with gc's messages
// ("strconv.Atoi: parsing \"x\": invalid syntax").
//
// Parsing follows Go 1.19's algorithms step for step, because the error a malformed input
// gets depends on their order: ParseUint reports a range error as soon as the value
// overflows, even when a bad digit follows; ParseInt passes range errors of ParseUint
// through as its own clamped result; base 0 takes 0b/0o/0x/0 prefixes and underscores
// (checked afterwards with Go's underscoreOK rule); Atoi has a fast path for strings of
// fewer than 19 bytes. ParseFloat checks the syntax of Go's readFloat (decimal or
// hexadecimal mantissa, exponent required for hex, underscores per underscoreOK,
// "inf"/"infinity"/"nan" in any case) and then converts the digits with strtod/strtof,
// which round correctly (IEEE round-half-even), so the result is Go's; overflow gives
// +-Inf with ErrRange, underflow is not an error. FormatFloat is ftoa.c's rt_ftoa (Go's
// shortest and fixed-precision formatting).
//
// *strconv.NumError is described by this file (struct{Func, Num string; Err error} with
// Error and Unwrap); ErrRange and ErrSyntax are errors.New values made on first use.
//
// See it: testdata/run/stdstrconv.go, runtime/std_test.c.
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rtstd.h"

static const uint8_t gc_numerror[] = {0x35}; // words 0, 2, 4, 5 (Func.ptr, Num.ptr, Err)
static const uint8_t gc_ptr1[] = {0x01};

static const RtType byte_type = {
	.size = 1, .kind = RT_KIND_UINT8, .align = 1, .hash = 0x199df2db, .name = "uint8",
};

// ---- errors ----

static RtString numerror_error(RtNumError *e);

static RtIface
numerror_unwrap(RtNumError *e)
{
	return e->err;
}

static const RtField numerror_fields[] = {
	{"Func", &rt_type_string, 0, 0},
	{"Num", &rt_type_string, 16, 0},
	{"Err", &rt_type_error, 32, 0},
};

// Linked under codegen's descriptor name, overriding its weak copy (cgtype.c).
extern const RtType numerror_type __asm__("\"type:strconv.NumError\"");
const RtType numerror_type = {
	.size = 48, .ptrdata = 48, .hash = 0x6603d8ae, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_numerror, .name = "strconv.NumError",
	.nfields = 3, .fields = numerror_fields,
};

static const RtMethod numerror_methods[] = {
	{"Error", RT_SIG_ERROR, (void (*)(void))numerror_error, (void (*)(void))numerror_error},
	{"Unwrap", RT_SIG_UNWRAP, (void (*)(void))numerror_unwrap,
	 (void (*)(void))numerror_unwrap},
};

// Linked under codegen's descriptor name, overriding its weak copy (cgtype.c).
extern const RtType numerror_ptr_type __asm__("\"type:*strconv.NumError\"");
const RtType numerror_ptr_type = {
	.size = 8, .ptrdata = 8, .hash = 0x847d47c6, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1,
	.name = "*strconv.NumError", .elem = &numerror_type,
	.methods = numerror_methods, .nmethods = 2,
};

static RtIface err_range, err_syntax; // scanned by the collector (runtime data)

static void
init_errors(void)
{
	if (err_range.tab == NULL) {
		rt_error_new(&err_range, rt_str_cstr("value out of range"));
		rt_error_new(&err_syntax, rt_str_cstr("invalid syntax"));
	}
}

// rt_strconv_var_ErrRange fills the package variable strconv.ErrRange.
void
rt_strconv_var_ErrRange(RtIface *g)
{
	init_errors();
	*g = err_range;
}

// rt_strconv_var_ErrSyntax fills the package variable strconv.ErrSyntax.
void
rt_strconv_var_ErrSyntax(RtIface *g)
{
	init_errors();
	*g = err_syntax;
}

static void
num_error(RtIface *out, const char *fn, const uint8_t *s, int64_t n, const RtIface *err)
{
	RtNumError *e = rt_alloc(&numerror_type);
	e->func = rt_str_cstr(fn);
	e->num = rt_bytes2str(s, n);
	e->err = *err;
	out->tab = rt_getitab(&rt_type_error, &numerror_ptr_type, 0);
	out->data = e;
}

static void
syntax_error(RtIface *out, const char *fn, const uint8_t *s, int64_t n)
{
	init_errors();
	num_error(out, fn, s, n, &err_syntax);
}

static void
range_error(RtIface *out, const char *fn, const uint8_t *s, int64_t n)
{
	init_errors();
	num_error(out, fn, s, n, &err_range);
}

static void
int_error(RtIface *out, const char *fn, const uint8_t *s, int64_t n, const char *what,
	  int64_t v)
{
	char buf[64];
	int k = (int)strlen(what);
	memcpy(buf, what, (size_t)k);
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char digits[24];
	int d = 0;
	do {
		digits[d++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[k++] = '-';
	while (d > 0)
		buf[k++] = digits[--d];
	buf[k] = 0;
	RtIface err;
	rt_error_new(&err, rt_str_cstr(buf));
	num_error(out, fn, s, n, &err);
}

static bool
is_numerror(const RtIface *err)
{
	return err->tab != NULL && err->tab->type == &numerror_ptr_type;
}

// ---- formatting integers ----

static const char digits36[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// format_bits writes u (negated when neg) in base to the end of buf[0:65]; returns the
// start index.
static int
format_bits(char *buf, uint64_t u, int base, bool neg)
{
	int i = 65;
	do {
		buf[--i] = digits36[u % (uint64_t)base];
		u /= (uint64_t)base;
	} while (u);
	if (neg)
		buf[--i] = '-';
	return i;
}

static RtString
format_int(int64_t v, uint64_t u, bool is_signed, int64_t base)
{
	if (base < 2 || base > 36)
		rt_panic_str("strconv: illegal AppendInt/FormatInt base");
	char buf[65];
	bool neg = is_signed && v < 0;
	int i = format_bits(buf, is_signed ? (neg ? -(uint64_t)v : (uint64_t)v) : u, (int)base,
			    neg);
	return rt_bytes2str((const uint8_t *)buf + i, 65 - i);
}

// rt_strconv_Itoa implements strconv.Itoa(i).
RtString
rt_strconv_Itoa(int64_t i)
{
	return format_int(i, 0, true, 10);
}

// rt_strconv_FormatInt implements strconv.FormatInt(i, base).
RtString
rt_strconv_FormatInt(int64_t i, int64_t base)
{
	return format_int(i, 0, true, base);
}

// rt_strconv_FormatUint implements strconv.FormatUint(i, base).
RtString
rt_strconv_FormatUint(uint64_t u, int64_t base)
{
	return format_int(0, u, false, base);
}

// rt_strconv_FormatBool implements strconv.FormatBool(b).
RtString
rt_strconv_FormatBool(int64_t b)
{
	return (b & 1) ? (RtString){(const uint8_t *)"true", 4}
		       : (RtString){(const uint8_t *)"false", 5};
}

static void
append_bytes(RtSlice *out, const uint8_t *p, int64_t len, int64_t cap, const void *add,
	     int64_t n)
{
	RtSlice s = {(void *)p, len, cap};
	if (len + n > cap)
		rt_growslice(&s, &byte_type, (void *)p, len, cap, len + n);
	else
		s.len = len + n;
	memcpy((uint8_t *)s.ptr + len, add, (size_t)n);
	*out = s;
}

// rt_strconv_AppendInt implements strconv.AppendInt(dst, i, base).
void
rt_strconv_AppendInt(RtSlice *out, const uint8_t *p, int64_t len, int64_t cap, int64_t v,
		     int64_t base)
{
	if (base < 2 || base > 36)
		rt_panic_str("strconv: illegal AppendInt/FormatInt base");
	char buf[65];
	bool neg = v < 0;
	int i = format_bits(buf, neg ? -(uint64_t)v : (uint64_t)v, (int)base, neg);
	append_bytes(out, p, len, cap, buf + i, 65 - i);
}

// rt_strconv_FormatFloat implements strconv.FormatFloat(f, fmt, prec, bitSize).
RtString
rt_strconv_FormatFloat(double f, int64_t fmt, int64_t prec, int64_t bitsize)
{
	fmt &= 0xff;
	if (bitsize != 32 && bitsize != 64)
		rt_panic_str("strconv: illegal AppendFloat/FormatFloat bitSize");
	if ((!strchr("eEfgGbxX", (int)fmt) || fmt == 0) && isfinite(f)) {
		char bad[2] = {'%', (char)fmt};
		return rt_bytes2str((const uint8_t *)bad, 2);
	}
	if (bitsize == 32)
		f = (float)f;
	if (prec < -1)
		prec = -1;
	if (prec > 100000)
		prec = 100000;
	size_t size = rt_ftoa_size(f, (int)prec);
	char *buf = malloc(size);
	if (buf == NULL)
		rt_throw("out of memory");
	int n = rt_ftoa(buf, f, (int)bitsize, (int)fmt, (int)prec);
	RtString s = rt_bytes2str((const uint8_t *)buf, n);
	free(buf);
	return s;
}

// ---- parsing integers ----

static int
lower(int c)
{
	return c | ('x' - 'X');
}

// underscore_ok is Go's underscoreOK: underscores only between digits or after a base
// prefix, never last.
static bool
underscore_ok(const uint8_t *s, int64_t n)
{
	int saw = '^';
	int64_t i = 0;
	if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
		s++;
		n--;
	}
	bool hex = false;
	if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' ||
				      lower(s[1]) == 'x')) {
		i = 2;
		saw = '0';
		hex = lower(s[1]) == 'x';
	}
	for (; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
			saw = '0';
			continue;
		}
		if (s[i] == '_') {
			if (saw != '0')
				return false;
			saw = '_';
			continue;
		}
		if (saw == '_')
			return false;
		saw = '!';
	}
	return saw != '_';
}

static uint64_t
parse_uint(RtIface *err, const char *fn, const uint8_t *s0, int64_t n0, int64_t base,
	   int64_t bitsize)
{
	err->tab = NULL;
	err->data = NULL;
	if (n0 == 0) {
		syntax_error(err, fn, s0, n0);
		return 0;
	}
	const uint8_t *s = s0;
	int64_t n = n0;
	bool base0 = base == 0;
	if (base == 0) {
		base = 10;
		if (s[0] == '0') {
			if (n >= 3 && lower(s[1]) == 'b') {
				base = 2;
				s += 2, n -= 2;
			} else if (n >= 3 && lower(s[1]) == 'o') {
				base = 8;
				s += 2, n -= 2;
			} else if (n >= 3 && lower(s[1]) == 'x') {
				base = 16;
				s += 2, n -= 2;
			} else {
				base = 8;
				s += 1, n -= 1;
			}
		}
	} else if (base < 2 || base > 36) {
		int_error(err, fn, s0, n0, "invalid base ", base);
		return 0;
	}
	if (bitsize == 0) {
		bitsize = 64;
	} else if (bitsize < 0 || bitsize > 64) {
		int_error(err, fn, s0, n0, "invalid bit size ", bitsize);
		return 0;
	}
	uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
	uint64_t maxval = bitsize == 64 ? UINT64_MAX : ((uint64_t)1 << bitsize) - 1;
	bool underscores = false;
	uint64_t v = 0;
	for (int64_t i = 0; i < n; i++) {
		int c = s[i], d;
		if (c == '_' && base0) {
			underscores = true;
			continue;
		} else if (c >= '0' && c <= '9') {
			d = c - '0';
		} else if (lower(c) >= 'a' && lower(c) <= 'z') {
			d = lower(c) - 'a' + 10;
		} else {
			syntax_error(err, fn, s0, n0);
			return 0;
		}
		if (d >= base) {
			syntax_error(err, fn, s0, n0);
			return 0;
		}
		if (v >= cutoff) {
			range_error(err, fn, s0, n0);
			return maxval;
		}
		v *= (uint64_t)base;
		uint64_t v1 = v + (uint64_t)d;
		if (v1 < v || v1 > maxval) {
			range_error(err, fn, s0, n0);
			return maxval;
		}
		v = v1;
	}
	if (underscores && !underscore_ok(s0, n0)) {
		syntax_error(err, fn, s0, n0);
		return 0;
	}
	return v;
}

static int64_t
parse_int(RtIface *err, const char *fn, const uint8_t *s0, int64_t n0, int64_t base,
	  int64_t bitsize)
{
	if (n0 == 0) {
		syntax_error(err, fn, s0, n0);
		return 0;
	}
	const uint8_t *s = s0;
	int64_t n = n0;
	bool neg = false;
	if (s[0] == '+') {
		s++, n--;
	} else if (s[0] == '-') {
		neg = true;
		s++, n--;
	}
	uint64_t un = parse_uint(err, "ParseUint", s, n, base, bitsize);
	if (err->tab != NULL) {
		RtNumError *e = err->data;
		init_errors();
		if (!is_numerror(err) || e->err.data != err_range.data) {
			e->func = rt_str_cstr(fn);
			e->num = rt_bytes2str(s0, n0);
			return 0;
		}
	}
	if (bitsize == 0)
		bitsize = 64;
	uint64_t cutoff = (uint64_t)1 << (bitsize - 1);
	if (!neg && un >= cutoff) {
		range_error(err, fn, s0, n0);
		return (int64_t)(cutoff - 1);
	}
	if (neg && un > cutoff) {
		range_error(err, fn, s0, n0);
		return -(int64_t)(cutoff - 1) - 1;
	}
	err->tab = NULL;
	err->data = NULL;
	return neg ? -(int64_t)un : (int64_t)un;
}

// rt_strconv_ParseUint implements strconv.ParseUint(s, base, bitSize).
void
rt_strconv_ParseUint(RtIntErr *out, const uint8_t *s, int64_t n, int64_t base, int64_t bits)
{
	out->v = (int64_t)parse_uint(&out->err, "ParseUint", s, n, base, bits);
}

// rt_strconv_ParseInt implements strconv.ParseInt(s, base, bitSize).
void
rt_strconv_ParseInt(RtIntErr *out, const uint8_t *s, int64_t n, int64_t base, int64_t bits)
{
	out->v = parse_int(&out->err, "ParseInt", s, n, base, bits);
}

// rt_strconv_Atoi implements strconv.Atoi(s).
void
rt_strconv_Atoi(RtIntErr *out, const uint8_t *s0, int64_t n0)
{
	out->err.tab = NULL;
	out->err.data = NULL;
	if (n0 > 0 && n0 < 19) {
		const uint8_t *s = s0;
		int64_t n = n0;
		if (s[0] == '-' || s[0] == '+') {
			s++, n--;
			if (n < 1) {
				out->v = 0;
				syntax_error(&out->err, "Atoi", s0, n0);
				return;
			}
		}
		int64_t v = 0;
		for (int64_t i = 0; i < n; i++) {
			unsigned d = (unsigned)s[i] - '0';
			if (d > 9) {
				out->v = 0;
				syntax_error(&out->err, "Atoi", s0, n0);
				return;
			}
			v = v * 10 + d;
		}
		out->v = s0[0] == '-' ? -v : v;
		return;
	}
	out->v = parse_int(&out->err, "ParseInt", s0, n0, 10, 0);
	if (is_numerror(&out->err))
		((RtNumError *)out->err.data)->func = rt_str_cstr("Atoi");
}

// rt_strconv_ParseBool implements strconv.ParseBool(str).
void
rt_strconv_ParseBool(RtBoolErr *out, const uint8_t *s, int64_t n)
{
	static const char *const truths[] = {"1", "t", "T", "TRUE", "true", "True"};
	static const char *const falses[] = {"0", "f", "F", "FALSE", "false", "False"};
	out->err.tab = NULL;
	out->err.data = NULL;
	out->v = 0;
	for (int i = 0; i < 6; i++) {
		if ((int64_t)strlen(truths[i]) == n && memcmp(truths[i], s, (size_t)n) == 0) {
			out->v = 1;
			return;
		}
		if ((int64_t)strlen(falses[i]) == n && memcmp(falses[i], s, (size_t)n) == 0)
			return;
	}
	syntax_error(&out->err, "ParseBool", s, n);
}

// ---- parsing floats ----

static int64_t
prefix_fold(const uint8_t *s, int64_t n, const char *word)
{
	int64_t i = 0;
	while (i < n && word[i] && lower(s[i]) == word[i])
		i++;
	return i;
}

// special is Go's special(): inf, infinity (signed) and nan; returns the length matched
// (0: none) and the value.
static int64_t
special(const uint8_t *s, int64_t n, double *v)
{
	if (n == 0)
		return 0;
	int sign = 1, nsign = 0;
	const uint8_t *p = s;
	int64_t m = n;
	if (s[0] == '+' || s[0] == '-') {
		sign = s[0] == '-' ? -1 : 1;
		nsign = 1;
		p++, m--;
	} else if (lower(s[0]) == 'n') {
		if (prefix_fold(s, n, "nan") == 3) {
			*v = NAN;
			return 3;
		}
		return 0;
	} else if (lower(s[0]) != 'i') {
		return 0;
	}
	int64_t k = prefix_fold(p, m, "infinity");
	if (k > 3 && k < 8)
		k = 3;
	if (k == 3 || k == 8) {
		*v = sign * INFINITY;
		return nsign + k;
	}
	return 0;
}

// read_float checks s against readFloat's grammar and copies it without underscores to
// clean (NUL-terminated); returns the length read (0: not a number).
static int64_t
read_float(const uint8_t *s, int64_t n, char *clean)
{
	int64_t i = 0, k = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		clean[k++] = (char)s[i++];
	bool hex = false;
	int exp = 'e';
	if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
		hex = true;
		exp = 'p';
		clean[k++] = '0';
		clean[k++] = 'x';
		i += 2;
	}
	bool underscores = false, sawdot = false, sawdigits = false;
	for (; i < n; i++) {
		int c = s[i];
		if (c == '_') {
			underscores = true;
			continue;
		} else if (c == '.') {
			if (sawdot)
				break;
			sawdot = true;
		} else if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
			sawdigits = true;
		} else {
			break;
		}
		clean[k++] = (char)c;
	}
	if (!sawdigits)
		return 0;
	if (i < n && lower(s[i]) == exp) {
		clean[k++] = (char)s[i++];
		if (i >= n)
			return 0;
		if (s[i] == '+' || s[i] == '-')
			clean[k++] = (char)s[i++];
		if (i >= n || s[i] < '0' || s[i] > '9')
			return 0;
		for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
			if (s[i] == '_') {
				underscores = true;
				continue;
			}
			clean[k++] = (char)s[i];
		}
	} else if (hex) {
		return 0;
	}
	clean[k] = 0;
	if (underscores && !underscore_ok(s, i))
		return 0;
	return i;
}

static double
parse_float(RtIface *err, const uint8_t *s, int64_t n, int64_t bitsize)
{
	err->tab = NULL;
	err->data = NULL;
	double v;
	int64_t k = special(s, n, &v);
	if (k > 0) {
		if (k == n)
			return v;
		syntax_error(err, "ParseFloat", s, n);
		return 0;
	}
	char stackbuf[128];
	char *clean = n < (int64_t)sizeof stackbuf ? stackbuf : malloc((size_t)n + 1);
	if (clean == NULL)
		rt_throw("out of memory");
	k = read_float(s, n, clean);
	if (k == 0 || k != n) {
		if (clean != stackbuf)
			free(clean);
		syntax_error(err, "ParseFloat", s, n);
		return 0;
	}
	if (bitsize == 32) {
		float f = strtof(clean, NULL);
		v = f;
	} else {
		v = strtod(clean, NULL);
	}
	if (clean != stackbuf)
		free(clean);
	if (isinf(v))
		range_error(err, "ParseFloat", s, n);
	return v;
}

// rt_strconv_ParseFloat implements strconv.ParseFloat(s, bitSize).
void
rt_strconv_ParseFloat(RtFloatErr *out, const uint8_t *s, int64_t n, int64_t bitsize)
{
	out->v = parse_float(&out->err, s, n, bitsize);
}

// ---- quoting ----

static bool
is_print(int64_t r)
{
	if (r < 0x80)
		return r >= 0x20 && r < 0x7f;
	return rt_isprint(r);
}

static const char lowerhex[] = "0123456789abcdef";

static void
escaped_rune(RtStrBuf *b, int64_t r, int quote, bool ascii)
{
	if (r == quote || r == '\\') {
		rt_sb_byte(b, '\\');
		rt_sb_byte(b, (int)r);
		return;
	}
	if (ascii ? (r < 0x80 && is_print(r)) : is_print(r)) {
		rt_sb_rune(b, r);
		return;
	}
	static const char esc[] = "a\ab\bf\fn\nr\rt\tv\v";
	for (int i = 0; esc[i]; i += 2) {
		if (r == esc[i + 1]) {
			rt_sb_byte(b, '\\');
			rt_sb_byte(b, esc[i]);
			return;
		}
	}
	if (r < ' ' || r == 0x7f) {
		rt_sb_write(b, "\\x", 2);
		rt_sb_byte(b, lowerhex[(r >> 4) & 0xF]);
		rt_sb_byte(b, lowerhex[r & 0xF]);
		return;
	}
	if (r > RT_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF))
		r = RT_RUNE_ERROR;
	if (r < 0x10000) {
		rt_sb_write(b, "\\u", 2);
		for (int s = 12; s >= 0; s -= 4)
			rt_sb_byte(b, lowerhex[(r >> s) & 0xF]);
	} else {
		rt_sb_write(b, "\\U", 2);
		for (int s = 28; s >= 0; s -= 4)
			rt_sb_byte(b, lowerhex[(r >> s) & 0xF]);
	}
}

// rt_quote_to appends the quoted form of s (strconv.Quote's rules; quote is '"' or '\'')
// to b.
void
rt_quote_to(RtStrBuf *b, const uint8_t *s, int64_t n, int quote, bool ascii)
{
	rt_sb_byte(b, quote);
	for (int64_t k = 0, next; k < n; k = next) {
		int64_t r = rt_decoderune(s, n, k, &next);
		if (next - k == 1 && r == RT_RUNE_ERROR) {
			rt_sb_write(b, "\\x", 2);
			rt_sb_byte(b, lowerhex[s[k] >> 4]);
			rt_sb_byte(b, lowerhex[s[k] & 0xF]);
			continue;
		}
		escaped_rune(b, r, quote, ascii);
	}
	rt_sb_byte(b, quote);
}

// rt_strconv_Quote implements strconv.Quote(s).
RtString
rt_strconv_Quote(const uint8_t *s, int64_t n)
{
	RtStrBuf b = {0};
	rt_quote_to(&b, s, n, '"', false);
	return rt_sb_string(&b);
}

// rt_strconv_QuoteToASCII implements strconv.QuoteToASCII(s).
RtString
rt_strconv_QuoteToASCII(const uint8_t *s, int64_t n)
{
	RtStrBuf b = {0};
	rt_quote_to(&b, s, n, '"', true);
	return rt_sb_string(&b);
}

static RtString
quote_rune(int64_t r, bool ascii)
{
	r = (int32_t)r;
	if (r < 0 || r > RT_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF))
		r = RT_RUNE_ERROR;
	RtStrBuf b = {0};
	rt_sb_byte(&b, '\'');
	escaped_rune(&b, r, '\'', ascii);
	rt_sb_byte(&b, '\'');
	return rt_sb_string(&b);
}

// rt_strconv_QuoteRune implements strconv.QuoteRune(r).
RtString
rt_strconv_QuoteRune(int64_t r)
{
	return quote_rune(r, false);
}

// rt_strconv_QuoteRuneToASCII implements strconv.QuoteRuneToASCII(r).
RtString
rt_strconv_QuoteRuneToASCII(int64_t r)
{
	return quote_rune(r, true);
}

// rt_strconv_IsPrint implements strconv.IsPrint(r).
int64_t
rt_strconv_IsPrint(int64_t r)
{
	return is_print((int32_t)r);
}

static int
unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (lower(c) >= 'a' && lower(c) <= 'f')
		return lower(c) - 'a' + 10;
	return -1;
}

// unquote_char is Go's UnquoteChar(s[k:n], quote): the rune, whether it needs UTF-8
// encoding (multibyte), and the index after it; false on a syntax error.
static bool
unquote_char(const uint8_t *s, int64_t n, int64_t *k, int quote, int64_t *value,
	     bool *multibyte)
{
	int64_t i = *k;
	*multibyte = false;
	if (i >= n)
		return false;
	int c = s[i];
	if (c == quote && (quote == '\'' || quote == '"'))
		return false;
	if (c >= 0x80) {
		*value = rt_decoderune(s, n, i, k);
		*multibyte = true;
		return true;
	}
	if (c != '\\') {
		*value = c;
		*k = i + 1;
		return true;
	}
	if (i + 1 >= n)
		return false;
	c = s[i + 1];
	i += 2;
	static const char esc[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
	for (int j = 0; esc[j]; j += 2) {
		if (c == esc[j]) {
			*value = esc[j + 1];
			*k = i;
			return true;
		}
	}
	if (c == 'x' || c == 'u' || c == 'U') {
		int m = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		int64_t v = 0;
		if (n - i < m)
			return false;
		for (int j = 0; j < m; j++) {
			int x = unhex(s[i + j]);
			if (x < 0)
				return false;
			v = v << 4 | x;
		}
		i += m;
		if (c != 'x') {
			if (v > RT_MAX_RUNE || (v >= 0xD800 && v <= 0xDFFF))
				return false;
			*multibyte = true;
		}
		*value = v;
		*k = i;
		return true;
	}
	if (c >= '0' && c <= '7') {
		int64_t v = c - '0';
		if (n - i < 2)
			return false;
		for (int j = 0; j < 2; j++) {
			int x = s[i + j] - '0';
			if (x < 0 || x > 7)
				return false;
			v = v << 3 | x;
		}
		if (v > 255)
			return false;
		*value = v;
		*k = i + 2;
		return true;
	}
	if (c == '\'' || c == '"') {
		if (c != quote)
			return false;
		*value = c;
		*k = i;
		return true;
	}
	return false;
}

static bool
valid_utf8(const uint8_t *s, int64_t n)
{
	for (int64_t k = 0, next; k < n; k = next)
		if (rt_decoderune(s, n, k, &next) == RT_RUNE_ERROR && next - k == 1)
			return false;
	return true;
}

// unquote is Unquote(s): false on a syntax error.
static bool
unquote(const uint8_t *s, int64_t n, RtString *out)
{
	if (n < 2)
		return false;
	int quote = s[0];
	const uint8_t *q = memchr(s + 1, quote, (size_t)n - 1);
	if (q == NULL)
		return false;
	int64_t end = q - s + 1; // just after the first closing quote
	if (quote == '`') {
		if (end != n)
			return false;
		if (memchr(s, '\r', (size_t)end) == NULL) {
			*out = (RtString){s + 1, end - 2};
			return true;
		}
		RtStrBuf b = {0};
		for (int64_t i = 1; i < end - 1; i++)
			if (s[i] != '\r')
				rt_sb_byte(&b, s[i]);
		*out = rt_sb_string(&b);
		return true;
	}
	if (quote != '"' && quote != '\'')
		return false;
	if (!memchr(s, '\\', (size_t)end) && !memchr(s, '\n', (size_t)end)) {
		bool valid;
		if (quote == '"') {
			valid = valid_utf8(s + 1, end - 2);
		} else {
			int64_t next = 1;
			int64_t r = end - 2 > 0 ? rt_decoderune(s, end - 1, 1, &next) : RT_RUNE_ERROR;
			valid = end - 2 > 0 && next + 1 == end &&
				(r != RT_RUNE_ERROR || next - 1 != 1);
		}
		if (valid) {
			if (end != n)
				return false;
			*out = (RtString){s + 1, end - 2};
			return true;
		}
	}
	RtStrBuf b = {0};
	int64_t k = 1;
	while (k < n && s[k] != quote) {
		int64_t r;
		bool multi;
		if (s[k] == '\n' || !unquote_char(s, n, &k, quote, &r, &multi)) {
			free(b.p);
			return false;
		}
		if (r < 0x80 || !multi)
			rt_sb_byte(&b, (int)r);
		else
			rt_sb_rune(&b, r);
		if (quote == '\'')
			break;
	}
	if (!(k < n && s[k] == quote) || k + 1 != n) {
		free(b.p);
		return false;
	}
	*out = rt_sb_string(&b);
	return true;
}

// rt_strconv_Unquote implements strconv.Unquote(s); its error is ErrSyntax itself.
void
rt_strconv_Unquote(RtStringErr *out, const uint8_t *s, int64_t n)
{
	memset(out, 0, sizeof *out);
	if (!unquote(s, n, &out->v)) {
		init_errors();
		out->v = (RtString){NULL, 0};
		out->err = err_syntax;
	}
}

// ---- NumError's methods ----

// rt_strconv_Error implements (*strconv.NumError).Error() (a static call).
RtString
rt_strconv_Error(RtNumError *e)
{
	if (e == NULL)
		rt_panic_nil();
	return numerror_error(e);
}

// rt_strconv_Unwrap implements (*strconv.NumError).Unwrap().
void
rt_strconv_Unwrap(RtIface *out, RtNumError *e)
{
	if (e == NULL)
		rt_panic_nil();
	*out = e->err;
}

static RtString
numerror_error(RtNumError *e)
{
	RtString inner = e->err.tab != NULL ? rt_error_text(e->err.tab, e->err.data)
					    : rt_str_cstr("<nil>");
	RtStrBuf b = {0};
	rt_sb_write(&b, "strconv.", 8);
	rt_sb_write(&b, e->func.ptr, e->func.len);
	rt_sb_write(&b, ": parsing ", 10);
	rt_quote_to(&b, e->num.ptr, e->num.len, '"', false);
	rt_sb_write(&b, ": ", 2);
	rt_sb_write(&b, inner.ptr, inner.len);
	return rt_sb_string(&b);
}
