// const.c: exact constant arithmetic for the checker. Integers are GMP mpz values, floats
// exact rationals (mpq), complex numbers pairs of rationals, as the spec asks for
// arbitrary-precision untyped constants. Typed float constants are rounded to float32 or
// float64 precision (round to nearest even, computed exactly against the rational) when
// they are converted to their type; typed integer constants are range-checked.
//
// const_text prints values as gc does in messages (go/constant's String): integers in
// decimal, floats with %.6g (or the shortest %g when that hides a fraction, or
// "m.mmmmmme+N" beyond float64 range), strings quoted and cut to 72 runes, complex
// values as "(re + imi)".
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

static ConstVal *
cnew(ConstKind k)
{
	ConstVal *c = NEW(perm, ConstVal);
	c->kind = k;
	switch (k) {
	case CK_INT:
		mpz_init(c->i);
		break;
	case CK_FLOAT:
		mpq_init(c->re);
		break;
	case CK_COMPLEX:
		mpq_init(c->re);
		mpq_init(c->im);
		break;
	default:
		break;
	}
	return c;
}

ConstVal *
const_make_bool(bool b)
{
	ConstVal *c = cnew(CK_BOOL);
	c->b = b;
	return c;
}

ConstVal *
const_make_int64(int64_t v)
{
	ConstVal *c = cnew(CK_INT);
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	mpz_set_str(c->i, buf, 10);
	return c;
}

ConstVal *
const_make_uint64(uint64_t v)
{
	ConstVal *c = cnew(CK_INT);
	char buf[32];
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
	mpz_set_str(c->i, buf, 10);
	return c;
}

ConstVal *
const_make_string(const char *s, int len)
{
	ConstVal *c = cnew(CK_STRING);
	c->s = s;
	c->slen = len;
	return c;
}

ConstVal *
const_make_float(double d)
{
	ConstVal *c = cnew(CK_FLOAT);
	if (isfinite(d))
		mpq_set_d(c->re, d);
	return c;
}

// const_kind returns the kind of c.
ConstKind
const_kind(ConstVal *c)
{
	return c->kind;
}

// const_bool returns the value of a boolean constant.
bool
const_bool(ConstVal *c)
{
	return c->kind == CK_BOOL && c->b;
}

static void
to_z(ConstVal *c, mpz_t out)
{
	mpz_init(out);
	if (c->kind == CK_INT)
		mpz_set(out, c->i);
	else if (c->kind == CK_FLOAT || c->kind == CK_COMPLEX)
		mpz_tdiv_q(out, mpq_numref(c->re), mpq_denref(c->re));
}

// const_uint64 returns the low 64 bits of an integer constant.
uint64_t
const_uint64(ConstVal *c)
{
	mpz_t z, m;
	to_z(c, z);
	mpz_init(m);
	mpz_fdiv_r_2exp(m, z, 64);
	uint64_t lo = 0;
	size_t cnt = 0;
	uint64_t words[2] = {0, 0};
	mpz_export(words, &cnt, -1, sizeof(uint64_t), 0, 0, m);
	lo = words[0];
	mpz_clear(z);
	mpz_clear(m);
	return lo;
}

// const_int64 returns the low 64 bits of an integer constant as a signed value.
int64_t
const_int64(ConstVal *c)
{
	return (int64_t)const_uint64(c);
}

static void
q_of(ConstVal *c, mpq_t out)
{
	mpq_init(out);
	if (c->kind == CK_INT)
		mpq_set_z(out, c->i);
	else if (c->kind == CK_FLOAT || c->kind == CK_COMPLEX)
		mpq_set(out, c->re);
}

// q_to_double rounds q to the nearest double (ties to even); ±inf beyond the range.
static double
q_to_double(mpq_t q)
{
	if (mpq_sgn(q) == 0)
		return 0;
	mpq_t a, lim;
	mpq_init(a);
	mpq_abs(a, q);
	mpq_init(lim);
	// DBL_MAX + half an ulp = 2^1024 - 2^970
	mpz_t z;
	mpz_init(z);
	mpz_ui_pow_ui(z, 2, 1024);
	mpz_t z2;
	mpz_init(z2);
	mpz_ui_pow_ui(z2, 2, 970);
	mpz_sub(z, z, z2);
	mpq_set_z(lim, z);
	int neg = mpq_sgn(q) < 0;
	double r;
	if (mpq_cmp(a, lim) >= 0) {
		r = INFINITY;
	} else {
		double d = mpq_get_d(a); // truncated toward zero
		double up = nextafter(d, INFINITY);
		mpq_t qd, qu, dd, du;
		mpq_inits(qd, qu, dd, du, NULL);
		mpq_set_d(qd, d);
		if (isinf(up)) {
			r = d;
		} else {
			mpq_set_d(qu, up);
			mpq_sub(dd, a, qd);
			mpq_sub(du, qu, a);
			int c = mpq_cmp(dd, du);
			if (c < 0)
				r = d;
			else if (c > 0)
				r = up;
			else {
				uint64_t bits;
				memcpy(&bits, &d, 8);
				r = (bits & 1) ? up : d;
			}
		}
		mpq_clears(qd, qu, dd, du, NULL);
	}
	mpq_clear(a);
	mpq_clear(lim);
	mpz_clear(z);
	mpz_clear(z2);
	return neg ? -r : r;
}

// q_to_float rounds q to the nearest float32 (ties to even); ±inf beyond the range.
static float
q_to_float(mpq_t q)
{
	if (mpq_sgn(q) == 0)
		return 0;
	mpq_t a;
	mpq_init(a);
	mpq_abs(a, q);
	int neg = mpq_sgn(q) < 0;
	double d = q_to_double(a);
	float f;
	mpq_t lim, fmax;
	mpq_inits(lim, fmax, NULL);
	mpq_set_d(lim, ldexp(1, 128) - ldexp(1, 103)); // FLT_MAX + half an ulp
	mpq_set_d(fmax, (double)FLT_MAX);
	if (mpq_cmp(a, fmax) >= 0) {
		f = mpq_cmp(a, lim) >= 0 ? INFINITY : FLT_MAX;
	} else {
		// truncate toward zero, then pick the nearer neighbour exactly
		float lo = (float)d;
		mpq_t ql, qh, dl, dh;
		mpq_inits(ql, qh, dl, dh, NULL);
		mpq_set_d(ql, lo);
		if (mpq_cmp(ql, a) > 0) {
			lo = nextafterf(lo, 0);
			mpq_set_d(ql, lo);
		}
		float hi = nextafterf(lo, INFINITY);
		if (isinf(hi)) {
			f = lo;
		} else {
			mpq_set_d(qh, hi);
			mpq_sub(dl, a, ql);
			mpq_sub(dh, qh, a);
			int c = mpq_cmp(dl, dh);
			if (c < 0)
				f = lo;
			else if (c > 0)
				f = hi;
			else {
				uint32_t bits;
				memcpy(&bits, &lo, 4);
				f = (bits & 1) ? hi : lo;
			}
		}
		mpq_clears(ql, qh, dl, dh, NULL);
	}
	mpq_clears(lim, fmax, NULL);
	mpq_clear(a);
	return neg ? -f : f;
}

// const_float64 returns the nearest double to an integer or float constant (the real
// part of a complex one).
double
const_float64(ConstVal *c)
{
	if (c->kind == CK_BOOL || c->kind == CK_STRING)
		return 0;
	mpq_t q;
	q_of(c, q);
	double d = q_to_double(q);
	mpq_clear(q);
	return d;
}

// const_imag returns the imaginary part of a complex constant (0 for others).
double
const_imag(ConstVal *c)
{
	if (c->kind != CK_COMPLEX)
		return 0;
	return q_to_double(c->im);
}

// const_string returns the bytes of a string constant.
const char *
const_string(ConstVal *c, int *len)
{
	if (c->kind != CK_STRING) {
		*len = 0;
		return "";
	}
	*len = c->slen;
	return c->s;
}

int
const_sign(ConstVal *c)
{
	switch (c->kind) {
	case CK_INT:
		return mpz_sgn(c->i);
	case CK_FLOAT:
	case CK_COMPLEX:
		return mpq_sgn(c->re);
	default:
		return 0;
	}
}

// ---- literals ----

static void
strip_underscores(const char *text, int len, char *out)
{
	int j = 0;
	for (int i = 0; i < len; i++)
		if (text[i] != '_')
			out[j++] = text[i];
	out[j] = 0;
}

static bool
parse_int(const char *s, mpz_t z)
{
	int base = 10;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		base = 2, s += 2;
	else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
		base = 8, s += 2;
	else if (s[0] == '0' && s[1])
		base = 8, s += 1;
	if (!*s)
		return false;
	return mpz_set_str(z, s, base) == 0;
}

// parse_float parses a decimal or hexadecimal floating literal into q.
static bool
parse_float(const char *s, mpq_t q)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	if (hex)
		s += 2;
	mpz_t mant;
	mpz_init(mant);
	long frac = 0, exp = 0;
	bool dot = false, any = false;
	for (; *s; s++) {
		int d;
		if (*s == '.') {
			dot = true;
			continue;
		}
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (hex && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (hex && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		any = true;
		mpz_mul_ui(mant, mant, hex ? 16 : 10);
		mpz_add_ui(mant, mant, (unsigned long)d);
		if (dot)
			frac++;
	}
	if (!any) {
		mpz_clear(mant);
		return false;
	}
	if (*s == 'e' || *s == 'E' || *s == 'p' || *s == 'P') {
		s++;
		exp = strtol(s, NULL, 10);
	}
	if (exp > 100000) {
		mpz_clear(mant);
		return false;
	}
	if (exp < -5000) {
		// far below the smallest denormal: kept as 0 (gosub does not keep such tiny
		// untyped constants exactly)
		mpq_set_ui(q, 0, 1);
		mpz_clear(mant);
		return true;
	}
	mpq_set_z(q, mant);
	mpz_t p;
	mpz_init(p);
	long e;
	if (hex)
		e = exp - 4 * frac;
	else
		e = exp - frac;
	if (e != 0) {
		mpz_ui_pow_ui(p, hex ? 2 : 10, (unsigned long)labs(e));
		mpq_t pq;
		mpq_init(pq);
		mpq_set_z(pq, p);
		if (e > 0)
			mpq_mul(q, q, pq);
		else
			mpq_div(q, q, pq);
		mpq_clear(pq);
	}
	mpq_canonicalize(q);
	mpz_clear(p);
	mpz_clear(mant);
	return true;
}

// utf8_encode appends rune r to out, returns bytes written.
static int
utf8_encode(uint32_t r, char *out)
{
	if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		out[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		out[0] = (char)(0xC0 | (r >> 6));
		out[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		out[0] = (char)(0xE0 | (r >> 12));
		out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
		out[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (r >> 18));
	out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
	out[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}

// utf8_decode decodes one rune at s (n bytes available); *size gets its length.
static uint32_t
utf8_decode(const unsigned char *s, int n, int *size)
{
	*size = 1;
	if (n <= 0)
		return 0xFFFD;
	uint32_t c = s[0];
	if (c < 0x80)
		return c;
	int need;
	uint32_t r, min;
	if ((c & 0xE0) == 0xC0)
		need = 1, r = c & 0x1F, min = 0x80;
	else if ((c & 0xF0) == 0xE0)
		need = 2, r = c & 0x0F, min = 0x800;
	else if ((c & 0xF8) == 0xF0)
		need = 3, r = c & 0x07, min = 0x10000;
	else
		return 0xFFFD;
	if (n < need + 1)
		return 0xFFFD;
	for (int i = 1; i <= need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0xFFFD;
		r = (r << 6) | (s[i] & 0x3F);
	}
	if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		return 0xFFFD;
	*size = need + 1;
	return r;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

// unescape decodes one escape or character starting at s[*i] (inside quotes q); sets
// *isbyte when the result is a raw byte (\x, octal) rather than a rune.
static bool
unescape(const char *s, int len, int *i, char q, uint32_t *out, bool *isbyte)
{
	*isbyte = false;
	if (s[*i] != '\\') {
		int size;
		*out = utf8_decode((const unsigned char *)s + *i, len - *i, &size);
		if (*out == 0xFFFD && size == 1 && (unsigned char)s[*i] >= 0x80) {
			*out = (unsigned char)s[*i];
			*isbyte = true;
		}
		*i += size;
		return true;
	}
	(*i)++;
	if (*i >= len)
		return false;
	char c = s[(*i)++];
	int n = 0;
	switch (c) {
	case 'a': *out = 7; return true;
	case 'b': *out = 8; return true;
	case 'f': *out = 12; return true;
	case 'n': *out = 10; return true;
	case 'r': *out = 13; return true;
	case 't': *out = 9; return true;
	case 'v': *out = 11; return true;
	case '\\': *out = '\\'; return true;
	case '\'':
	case '"':
		if (c != q)
			return false;
		*out = (uint32_t)c;
		return true;
	case 'x': n = 2; *isbyte = true; break;
	case 'u': n = 4; break;
	case 'U': n = 8; break;
	default:
		if (c >= '0' && c <= '7') {
			uint32_t v = (uint32_t)(c - '0');
			for (int k = 0; k < 2; k++) {
				if (*i >= len || s[*i] < '0' || s[*i] > '7')
					return false;
				v = v * 8 + (uint32_t)(s[(*i)++] - '0');
			}
			if (v > 255)
				return false;
			*out = v;
			*isbyte = true;
			return true;
		}
		return false;
	}
	uint32_t v = 0;
	for (int k = 0; k < n; k++) {
		if (*i >= len || hexval(s[*i]) < 0)
			return false;
		v = v * 16 + (uint32_t)hexval(s[(*i)++]);
	}
	if (!*isbyte && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)))
		return false;
	*out = v;
	return true;
}

// const_from_lit returns the value of a literal as written in the source; NULL with *err
// set for malformed literals.
ConstVal *
const_from_lit(LitKind kind, const char *text, int len, const char **err)
{
	*err = NULL;
	char *buf = arena_alloc(perm, (size_t)len + 1);
	switch (kind) {
	case LIT_INT: {
		strip_underscores(text, len, buf);
		ConstVal *c = cnew(CK_INT);
		if (!parse_int(buf, c->i)) {
			*err = "malformed constant";
			return NULL;
		}
		return c;
	}
	case LIT_FLOAT: {
		strip_underscores(text, len, buf);
		ConstVal *c = cnew(CK_FLOAT);
		if (!parse_float(buf, c->re)) {
			*err = "malformed constant";
			return NULL;
		}
		return c;
	}
	case LIT_IMAG: {
		strip_underscores(text, len, buf);
		size_t n = strlen(buf);
		if (n && buf[n - 1] == 'i')
			buf[n - 1] = 0;
		ConstVal *c = cnew(CK_COMPLEX);
		bool ok;
		if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X' || buf[1] == 'b' ||
				      buf[1] == 'B' || buf[1] == 'o' || buf[1] == 'O') &&
		    !strpbrk(buf, ".pP")) {
			mpz_t z;
			mpz_init(z);
			ok = parse_int(buf, z);
			mpq_set_z(c->im, z);
		} else {
			ok = parse_float(buf, c->im); // decimal, even with a leading 0
		}
		if (!ok) {
			*err = "malformed constant";
			return NULL;
		}
		return c;
	}
	case LIT_RUNE: {
		if (len < 3 || text[0] != '\'' || text[len - 1] != '\'') {
			*err = "malformed rune literal";
			return NULL;
		}
		int i = 1;
		uint32_t r;
		bool isbyte;
		if (!unescape(text, len - 1, &i, '\'', &r, &isbyte) || i != len - 1) {
			*err = "invalid rune literal";
			return NULL;
		}
		return const_make_int64(r);
	}
	case LIT_STRING: {
		if (len < 2) {
			*err = "malformed string literal";
			return NULL;
		}
		int j = 0;
		if (text[0] == '`') {
			for (int i = 1; i < len - 1; i++)
				if (text[i] != '\r')
					buf[j++] = text[i];
			return const_make_string(buf, j);
		}
		char *out = arena_alloc(perm, (size_t)len * 2 + 8);
		int i = 1;
		while (i < len - 1) {
			uint32_t r;
			bool isbyte;
			if (!unescape(text, len - 1, &i, '"', &r, &isbyte)) {
				*err = "invalid escape in string literal";
				return NULL;
			}
			if (isbyte)
				out[j++] = (char)r;
			else
				j += utf8_encode(r, out + j);
		}
		return const_make_string(out, j);
	}
	}
	*err = "malformed literal";
	return NULL;
}

// ---- conversions ----

// const_to_kind returns c as kind k: int->float->complex always; float->int and
// complex->float only when exact. NULL when impossible.
ConstVal *
const_to_kind(ConstVal *c, ConstKind k)
{
	if (c->kind == k)
		return c;
	if (k == CK_BOOL || k == CK_STRING || c->kind == CK_BOOL || c->kind == CK_STRING)
		return NULL;
	ConstVal *r = cnew(k);
	switch (k) {
	case CK_INT:
		if (c->kind == CK_COMPLEX && mpq_sgn(c->im) != 0)
			return NULL;
		if (mpz_cmp_ui(mpq_denref(c->re), 1) != 0)
			return NULL;
		mpz_set(r->i, mpq_numref(c->re));
		return r;
	case CK_FLOAT:
		if (c->kind == CK_COMPLEX) {
			if (mpq_sgn(c->im) != 0)
				return NULL;
			mpq_set(r->re, c->re);
		} else {
			mpq_set_z(r->re, c->i);
		}
		return r;
	case CK_COMPLEX:
		if (c->kind == CK_INT)
			mpq_set_z(r->re, c->i);
		else
			mpq_set(r->re, c->re);
		return r;
	default:
		return NULL;
	}
}

bool
const_is_int_value(ConstVal *c)
{
	return const_to_kind(c, CK_INT) != NULL;
}

static bool
z_fits(mpz_t z, TypeKind k)
{
	switch (k) {
	case TY_INT8:
		return mpz_cmp_si(z, -128) >= 0 && mpz_cmp_si(z, 127) <= 0;
	case TY_INT16:
		return mpz_cmp_si(z, -32768) >= 0 && mpz_cmp_si(z, 32767) <= 0;
	case TY_INT32:
	case TY_UNTYPED_RUNE:
		return mpz_cmp_si(z, INT32_MIN) >= 0 && mpz_cmp_si(z, INT32_MAX) <= 0;
	case TY_INT:
	case TY_INT64:
		return mpz_sizeinbase(z, 2) <= 63 ||
		       (mpz_sgn(z) < 0 && mpz_sizeinbase(z, 2) == 64 && mpz_scan1(z, 0) == 63);
	case TY_UINT8:
		return mpz_sgn(z) >= 0 && mpz_cmp_ui(z, 255) <= 0;
	case TY_UINT16:
		return mpz_sgn(z) >= 0 && mpz_cmp_ui(z, 65535) <= 0;
	case TY_UINT32:
		return mpz_sgn(z) >= 0 && mpz_cmp_ui(z, UINT32_MAX) <= 0;
	case TY_UINT:
	case TY_UINT64:
	case TY_UINTPTR:
		return mpz_sgn(z) >= 0 && mpz_sizeinbase(z, 2) <= 64;
	default:
		return true;
	}
}

bool
const_fits_int64(ConstVal *c)
{
	return c->kind == CK_INT && z_fits(c->i, TY_INT64);
}

bool
const_fits_uint64(ConstVal *c)
{
	return c->kind == CK_INT && z_fits(c->i, TY_UINT64);
}

static bool
round_q(mpq_t q, TypeKind k)
{
	if (k == TY_FLOAT32 || k == TY_COMPLEX64) {
		float f = q_to_float(q);
		if (isinf(f))
			return false;
		mpq_set_d(q, f);
	} else if (k == TY_FLOAT64 || k == TY_COMPLEX128) {
		double d = q_to_double(q);
		if (isinf(d))
			return false;
		mpq_set_d(q, d);
	}
	return true;
}

// const_represent checks that c is representable as a value of type t (a basic type or
// a type whose underlying type is basic) and stores in *out the value in t's kind,
// rounded to its precision. Returns FIT_OVERFLOW, FIT_TRUNCATED or FIT_MISMATCH
// otherwise (the caller chooses gc's wording from the operand's type).
ConstFit
const_represent(ConstVal *c, Type *t, ConstVal **out)
{
	TypeKind k = type_under(t)->kind;
	*out = c;
	switch (k) {
	case TY_INVALID:
		return FIT_OK;
	case TY_BOOL:
	case TY_UNTYPED_BOOL:
		return c->kind == CK_BOOL ? FIT_OK : FIT_MISMATCH;
	case TY_STRING:
	case TY_UNTYPED_STRING:
		return c->kind == CK_STRING ? FIT_OK : FIT_MISMATCH;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64:
	case TY_UINTPTR: case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: {
		if (c->kind == CK_BOOL || c->kind == CK_STRING)
			return FIT_MISMATCH;
		ConstVal *r = const_to_kind(c, CK_INT);
		if (!r)
			return FIT_TRUNCATED;
		if (k != TY_UNTYPED_INT && k != TY_UNTYPED_RUNE && !z_fits(r->i, k))
			return FIT_OVERFLOW;
		*out = r;
		return FIT_OK;
	}
	case TY_FLOAT32: case TY_FLOAT64: case TY_UNTYPED_FLOAT: {
		if (c->kind == CK_BOOL || c->kind == CK_STRING)
			return FIT_MISMATCH;
		ConstVal *r = const_to_kind(c, CK_FLOAT);
		if (!r)
			return FIT_TRUNCATED;
		if (k != TY_UNTYPED_FLOAT) {
			ConstVal *x = cnew(CK_FLOAT);
			mpq_set(x->re, r->re);
			if (!round_q(x->re, k))
				return FIT_OVERFLOW;
			r = x;
		}
		*out = r;
		return FIT_OK;
	}
	case TY_COMPLEX64: case TY_COMPLEX128: case TY_UNTYPED_COMPLEX: {
		if (c->kind == CK_BOOL || c->kind == CK_STRING)
			return FIT_MISMATCH;
		ConstVal *r = const_to_kind(c, CK_COMPLEX);
		ConstVal *x = cnew(CK_COMPLEX);
		mpq_set(x->re, r->re);
		mpq_set(x->im, r->im);
		if (k != TY_UNTYPED_COMPLEX && (!round_q(x->re, k) || !round_q(x->im, k)))
			return FIT_OVERFLOW;
		*out = x;
		return FIT_OK;
	}
	default:
		return FIT_MISMATCH;
	}
}

// ---- arithmetic ----

static ConstKind
max_kind(ConstKind a, ConstKind b)
{
	return a > b ? a : b;
}

// const_unary applies +, -, ^ or ! to x; t is the operand type (for ^ on unsigned).
ConstVal *
const_unary(AstOp op, ConstVal *x, Type *t)
{
	ConstVal *r;
	switch (op) {
	case AOP_ADD:
		return x;
	case AOP_SUB:
		r = cnew(x->kind);
		if (x->kind == CK_INT)
			mpz_neg(r->i, x->i);
		else if (x->kind == CK_FLOAT)
			mpq_neg(r->re, x->re);
		else if (x->kind == CK_COMPLEX) {
			mpq_neg(r->re, x->re);
			mpq_neg(r->im, x->im);
		} else
			return x;
		return r;
	case AOP_XOR:
		if (x->kind != CK_INT)
			return x;
		r = cnew(CK_INT);
		if (t && type_is_unsigned(t)) {
			int bits = (int)type_size(t) * 8;
			mpz_t m;
			mpz_init(m);
			mpz_ui_pow_ui(m, 2, (unsigned long)bits);
			mpz_sub_ui(m, m, 1);
			mpz_xor(r->i, x->i, m);
			mpz_clear(m);
		} else {
			mpz_com(r->i, x->i);
		}
		return r;
	case AOP_NOT:
		return const_make_bool(!const_bool(x));
	default:
		return x;
	}
}

// const_binary applies a binary arithmetic or logical operator. Operands are converted
// to the larger numeric kind; intdiv selects truncated integer division for '/'.
// Returns NULL on division by zero.
ConstVal *
const_binary(AstOp op, ConstVal *x, ConstVal *y, bool intdiv)
{
	if (x->kind == CK_BOOL || y->kind == CK_BOOL) {
		if (op == AOP_LAND)
			return const_make_bool(const_bool(x) && const_bool(y));
		if (op == AOP_LOR)
			return const_make_bool(const_bool(x) || const_bool(y));
		return x;
	}
	if (x->kind == CK_STRING || y->kind == CK_STRING) {
		if (op != AOP_ADD || x->kind != y->kind)
			return x;
		char *s = arena_alloc(perm, (size_t)x->slen + (size_t)y->slen + 1);
		memcpy(s, x->s, (size_t)x->slen);
		memcpy(s + x->slen, y->s, (size_t)y->slen);
		return const_make_string(s, x->slen + y->slen);
	}
	ConstKind k = max_kind(x->kind, y->kind);
	if (op == AOP_DIV && !intdiv && k == CK_INT)
		k = CK_FLOAT;
	x = const_to_kind(x, k);
	y = const_to_kind(y, k);
	if (!x || !y)
		return NULL;
	ConstVal *r = cnew(k);
	if (k == CK_INT) {
		switch (op) {
		case AOP_ADD: mpz_add(r->i, x->i, y->i); break;
		case AOP_SUB: mpz_sub(r->i, x->i, y->i); break;
		case AOP_MUL: mpz_mul(r->i, x->i, y->i); break;
		case AOP_DIV:
			if (mpz_sgn(y->i) == 0)
				return NULL;
			mpz_tdiv_q(r->i, x->i, y->i);
			break;
		case AOP_REM:
			if (mpz_sgn(y->i) == 0)
				return NULL;
			mpz_tdiv_r(r->i, x->i, y->i);
			break;
		case AOP_AND: mpz_and(r->i, x->i, y->i); break;
		case AOP_OR: mpz_ior(r->i, x->i, y->i); break;
		case AOP_XOR: mpz_xor(r->i, x->i, y->i); break;
		case AOP_ANDNOT: {
			mpz_t c;
			mpz_init(c);
			mpz_com(c, y->i);
			mpz_and(r->i, x->i, c);
			mpz_clear(c);
			break;
		}
		default:
			return x;
		}
		return r;
	}
	if (k == CK_FLOAT) {
		switch (op) {
		case AOP_ADD: mpq_add(r->re, x->re, y->re); break;
		case AOP_SUB: mpq_sub(r->re, x->re, y->re); break;
		case AOP_MUL: mpq_mul(r->re, x->re, y->re); break;
		case AOP_DIV:
			if (mpq_sgn(y->re) == 0)
				return NULL;
			mpq_div(r->re, x->re, y->re);
			break;
		default:
			return x;
		}
		return r;
	}
	// complex
	mpq_t a, b;
	mpq_inits(a, b, NULL);
	switch (op) {
	case AOP_ADD:
		mpq_add(r->re, x->re, y->re);
		mpq_add(r->im, x->im, y->im);
		break;
	case AOP_SUB:
		mpq_sub(r->re, x->re, y->re);
		mpq_sub(r->im, x->im, y->im);
		break;
	case AOP_MUL:
		mpq_mul(a, x->re, y->re);
		mpq_mul(b, x->im, y->im);
		mpq_sub(r->re, a, b);
		mpq_mul(a, x->re, y->im);
		mpq_mul(b, x->im, y->re);
		mpq_add(r->im, a, b);
		break;
	case AOP_DIV: {
		mpq_t d;
		mpq_init(d);
		mpq_mul(a, y->re, y->re);
		mpq_mul(b, y->im, y->im);
		mpq_add(d, a, b);
		if (mpq_sgn(d) == 0) {
			mpq_clears(a, b, d, NULL);
			return NULL;
		}
		mpq_mul(a, x->re, y->re);
		mpq_mul(b, x->im, y->im);
		mpq_add(r->re, a, b);
		mpq_div(r->re, r->re, d);
		mpq_mul(a, x->im, y->re);
		mpq_mul(b, x->re, y->im);
		mpq_sub(r->im, a, b);
		mpq_div(r->im, r->im, d);
		mpq_clear(d);
		break;
	}
	default:
		break;
	}
	mpq_clears(a, b, NULL);
	return r;
}

// const_compare evaluates x op y for a comparison operator.
bool
const_compare(AstOp op, ConstVal *x, ConstVal *y)
{
	int c = 0;
	if (x->kind == CK_BOOL || y->kind == CK_BOOL) {
		c = const_bool(x) != const_bool(y);
		return op == AOP_EQ ? !c : op == AOP_NE ? c : false;
	}
	if (x->kind == CK_STRING || y->kind == CK_STRING) {
		int n = x->slen < y->slen ? x->slen : y->slen;
		c = n ? memcmp(x->s, y->s, (size_t)n) : 0;
		if (c == 0)
			c = x->slen < y->slen ? -1 : x->slen > y->slen;
	} else {
		ConstKind k = max_kind(x->kind, y->kind);
		ConstVal *a = const_to_kind(x, k), *b = const_to_kind(y, k);
		if (!a || !b)
			return false;
		if (k == CK_INT)
			c = mpz_cmp(a->i, b->i);
		else if (k == CK_FLOAT)
			c = mpq_cmp(a->re, b->re);
		else {
			bool eq = mpq_equal(a->re, b->re) && mpq_equal(a->im, b->im);
			return op == AOP_EQ ? eq : op == AOP_NE ? !eq : false;
		}
	}
	switch (op) {
	case AOP_EQ: return c == 0;
	case AOP_NE: return c != 0;
	case AOP_LT: return c < 0;
	case AOP_LE: return c <= 0;
	case AOP_GT: return c > 0;
	case AOP_GE: return c >= 0;
	default: return false;
	}
}

// const_shift shifts an integer constant; NULL when the count is too large (gc's bound
// for constant shifts is 1023 - 1 + 52).
ConstVal *
const_shift(AstOp op, ConstVal *x, uint64_t s)
{
	ConstVal *xi = const_to_kind(x, CK_INT);
	if (!xi)
		return NULL;
	ConstVal *r = cnew(CK_INT);
	if (op == AOP_SHL) {
		if (s > 1074)
			return NULL;
		mpz_mul_2exp(r->i, xi->i, s);
	} else {
		if (s > 1u << 20)
			s = 1u << 20;
		mpz_fdiv_q_2exp(r->i, xi->i, s);
	}
	return r;
}

// ---- text ----

// const_quoted returns a string constant quoted like strconv.Quote, cut to 72 runes as
// go/constant does.
const char *
const_quoted(ConstVal *c)
{
	char *out = arena_alloc(perm, (size_t)c->slen * 10 + 8);
	int j = 0, runes = 0;
	out[j++] = '"';
	runes++;
	int i = 0;
	int cut = -1;
	while (i < c->slen) {
		if (runes == 69 && cut < 0)
			cut = j;
		int size;
		uint32_t r = utf8_decode((const unsigned char *)c->s + i, c->slen - i, &size);
		unsigned char b = (unsigned char)c->s[i];
		if (r == 0xFFFD && size == 1 && b >= 0x80) {
			j += sprintf(out + j, "\\x%02x", b);
		} else if (r == '"' || r == '\\') {
			out[j++] = '\\';
			out[j++] = (char)r;
		} else if (r < 0x20 || r == 0x7f) {
			switch (r) {
			case 7: j += sprintf(out + j, "\\a"); break;
			case 8: j += sprintf(out + j, "\\b"); break;
			case 12: j += sprintf(out + j, "\\f"); break;
			case 10: j += sprintf(out + j, "\\n"); break;
			case 13: j += sprintf(out + j, "\\r"); break;
			case 9: j += sprintf(out + j, "\\t"); break;
			case 11: j += sprintf(out + j, "\\v"); break;
			default: j += sprintf(out + j, "\\x%02x", r); break;
			}
		} else {
			memcpy(out + j, c->s + i, (size_t)size);
			j += size;
		}
		i += size;
		runes++;
	}
	out[j++] = '"';
	runes++;
	out[j] = 0;
	if (runes > 72 && cut >= 0) {
		strcpy(out + cut, "...");
	}
	return out;
}

static const char *
shortest_g(double d)
{
	char buf[64];
	for (int p = 1; p <= 17; p++) {
		snprintf(buf, sizeof buf, "%.*g", p, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return arena_strndup(perm, buf, strlen(buf));
}

static const char *
float_text(mpq_t q)
{
	double d = q_to_double(q);
	bool isint = mpz_cmp_ui(mpq_denref(q), 1) == 0;
	if (!isinf(d) && ((mpq_sgn(q) == 0) == (d == 0))) {
		char buf[64];
		snprintf(buf, sizeof buf, "%.6g", d);
		if (!isint && !strchr(buf, '.'))
			return shortest_g(d);
		return arena_strndup(perm, buf, strlen(buf));
	}
	// out of float64 range: m * 10^e with 1 <= |m| < 10
	mpq_t a;
	mpq_init(a);
	mpq_abs(a, q);
	long exp2 = (long)mpz_sizeinbase(mpq_numref(a), 2) - (long)mpz_sizeinbase(mpq_denref(a), 2);
	mpq_t m;
	mpq_init(m);
	mpz_t p;
	mpz_init(p);
	mpz_ui_pow_ui(p, 2, (unsigned long)labs(exp2));
	mpq_t pq;
	mpq_init(pq);
	mpq_set_z(pq, p);
	if (exp2 >= 0)
		mpq_div(m, a, pq);
	else
		mpq_mul(m, a, pq);
	double md = mpq_get_d(m);
	while (md >= 1) {
		md /= 2;
		exp2++;
	}
	while (md < 0.5 && md > 0) {
		md *= 2;
		exp2--;
	}
	double dd = (double)exp2 * log10(2.0);
	long e = (long)dd;
	md *= pow(10, dd - (double)e);
	if (fabs(md) < 1 - 0.5e-6) {
		md *= 10;
		e--;
	} else if (fabs(md) >= 10) {
		md /= 10;
		e++;
	}
	if (mpq_sgn(q) < 0)
		md = -md;
	return arena_sprintf(perm, "%.6ge%+ld", md, e);
}

// const_text returns c as gc prints constant values in messages.
const char *
const_text(ConstVal *c)
{
	if (!c)
		return "?";
	switch (c->kind) {
	case CK_BOOL:
		return c->b ? "true" : "false";
	case CK_INT: {
		char *s = mpz_get_str(NULL, 10, c->i);
		const char *r = arena_strndup(perm, s, strlen(s));
		free(s);
		return r;
	}
	case CK_FLOAT:
		return float_text(c->re);
	case CK_COMPLEX:
		return arena_sprintf(perm, "(%s + %si)", float_text(c->re), float_text(c->im));
	case CK_STRING:
		return const_quoted(c);
	}
	return "?";
}

// const_too_big reports an untyped integer beyond 512 bits or a rational beyond the
// range gosub keeps exact (gc reports "constant overflow" for both).
bool
const_too_big(ConstVal *c)
{
	switch (c->kind) {
	case CK_INT:
		return mpz_sizeinbase(c->i, 2) > 512;
	case CK_FLOAT:
		return mpz_sizeinbase(mpq_numref(c->re), 2) > 40000 ||
		       mpz_sizeinbase(mpq_denref(c->re), 2) > 40000;
	case CK_COMPLEX:
		return mpz_sizeinbase(mpq_numref(c->re), 2) > 40000 ||
		       mpz_sizeinbase(mpq_denref(c->re), 2) > 40000 ||
		       mpz_sizeinbase(mpq_numref(c->im), 2) > 40000 ||
		       mpz_sizeinbase(mpq_denref(c->im), 2) > 40000;
	default:
		return false;
	}
}
