// ftoa.c: floating-point formatting with the semantics of Go's strconv.AppendFloat, for
// fmt.c: verbs e E f g G b x X, precision or shortest (-1), float64 or float32.
//
// Decimal digits. Every decimal verb first reduces the value to digits d[0:nd] and a
// decimal point position dp (value = 0.d[0]d[1]... * 10^dp, trailing zeros trimmed;
// zero is nd = dp = 0), then lays them out (fmt_e, fmt_f) exactly as strconv does: at
// least two exponent digits, "e+06", no '.' when the precision is 0.
//   - With a precision, digits come from the C library's printf ("%.*e", "%.*f"), which
//     glibc rounds correctly (half to even on exact ties), as strconv does.
//   - Shortest: the fewest significant digits that parse back (strtod / strtof, which
//     round correctly) to the same float; among those, the correctly rounded string,
//     i.e. the one nearest the exact value — which is what strconv's Ryu-based shortest
//     mode produces. p digits round-trip => p+1 digits do, so p is found by binary
//     search over 1..17 (9 for float32). When the mantissa is a power of two the
//     rounding interval is asymmetric and a neighbour of the rounded string may
//     round-trip with fewer digits, so those values also try the other bracketing
//     candidate at smaller p.
// %g: %e when exp < -4 || exp >= eprec, where eprec is the precision (6 when shortest,
// and capped to nd when the digits are all before the point), else %f; no trailing
// zeros. Worked examples: 0.1 -> 0.1; 1e21 -> 1e+21; 1e6 -> 1e+06; 123456.0 -> 123456;
// %.3g of 1234.5 -> 1.23e+03; %e of 0 -> 0.000000e+00.
//
// See it: runtime/fmt_test.c.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rtint.h"

typedef struct Digits {
	char *d; // decimal digits, no leading or trailing zeros
	int nd;  // number of digits
	int dp;  // decimal point position: value = 0.d * 10^dp
} Digits;

enum { MAXSHORT = 17 }; // digits a float64 ever needs

static double
absval(double v)
{
	return signbit(v) ? -v : v;
}

// digits_e fills dg from printf's "%.*e" output for |v| with ndig significant digits.
static void
digits_e(double v, int ndig, Digits *dg)
{
	char small[64];
	size_t need = (size_t)ndig + 16;
	char *s = need <= sizeof small ? small : malloc(need);
	snprintf(s, need, "%.*e", ndig - 1, absval(v));
	int nd = 0;
	char *p = s;
	for (; *p != 'e'; p++)
		if (*p != '.')
			dg->d[nd++] = *p;
	int exp = atoi(p + 1);
	while (nd > 0 && dg->d[nd - 1] == '0')
		nd--;
	dg->nd = nd;
	dg->dp = nd == 0 ? 0 : exp + 1;
	if (s != small)
		free(s);
}

// digits_f fills dg from printf's "%.*f" output for |v| with prec fraction digits.
static void
digits_f(double v, int prec, Digits *dg)
{
	size_t need = (size_t)prec + 330;
	char *s = malloc(need);
	snprintf(s, need, "%.*f", prec, absval(v));
	int nd = 0, intdigits = 0, seen_point = 0, lead = 0;
	for (char *p = s; *p != '\0'; p++) {
		if (*p == '.') {
			seen_point = 1;
			continue;
		}
		if (!seen_point)
			intdigits++;
		if (nd == 0 && *p == '0') {
			lead++;
			continue;
		}
		dg->d[nd++] = *p;
	}
	while (nd > 0 && dg->d[nd - 1] == '0')
		nd--;
	dg->nd = nd;
	dg->dp = nd == 0 ? 0 : intdigits - lead;
	free(s);
}

// roundtrips reports whether the digits dg parse back to v.
static int
roundtrips(const Digits *dg, double v, int bitsize)
{
	char s[MAXSHORT + 16];
	snprintf(s, sizeof s, "0.%.*se%d", dg->nd, dg->d, dg->dp);
	v = absval(v);
	if (bitsize == 32)
		return strtof(s, NULL) == (float)v;
	return strtod(s, NULL) == v;
}

// step adds delta (+1 or -1) to the last of ndig digits (untrimmed, padded with zeros).
static int
step(Digits *dg, int ndig, int delta)
{
	for (int i = dg->nd; i < ndig; i++)
		dg->d[i] = '0';
	dg->nd = ndig;
	int i = ndig - 1;
	for (; i >= 0; i--) {
		int c = dg->d[i] - '0' + delta;
		if (c >= 0 && c <= 9) {
			dg->d[i] = (char)('0' + c);
			break;
		}
		dg->d[i] = delta > 0 ? '0' : '9';
	}
	if (i < 0) {
		if (delta < 0)
			return 0; // would lose the leading digit
		memmove(dg->d + 1, dg->d, (size_t)ndig);
		dg->d[0] = '1';
		dg->dp++;
	}
	if (dg->d[0] == '0')
		return 0;
	while (dg->nd > 0 && dg->d[dg->nd - 1] == '0')
		dg->nd--;
	return 1;
}

// pow2_mantissa reports whether v's significand is a power of two (all fraction bits
// zero, normal number), where the rounding interval is narrower below than above.
static int
pow2_mantissa(double v, int bitsize)
{
	if (bitsize == 32) {
		float f = (float)v;
		uint32_t bits;
		memcpy(&bits, &f, 4);
		return (bits & 0x7FFFFF) == 0 && (bits >> 23 & 0xFF) > 1;
	}
	uint64_t bits;
	memcpy(&bits, &v, 8);
	return (bits & (((uint64_t)1 << 52) - 1)) == 0 && (bits >> 52 & 0x7FF) > 1;
}

static void
digits_shortest(double v, int bitsize, Digits *dg)
{
	int maxd = bitsize == 32 ? 9 : MAXSHORT;
	if (v == 0) {
		dg->nd = dg->dp = 0;
		return;
	}
	int lo = 1, hi = maxd;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		digits_e(v, mid, dg);
		if (roundtrips(dg, v, bitsize))
			hi = mid;
		else
			lo = mid + 1;
	}
	if (pow2_mantissa(v, bitsize)) {
		for (int p = 1; p < lo; p++) {
			for (int delta = -1; delta <= 1; delta += 2) {
				digits_e(v, p, dg);
				if (step(dg, p, delta) && roundtrips(dg, v, bitsize))
					return;
			}
		}
	}
	digits_e(v, lo, dg);
}

// ---- layout ----

typedef struct Out {
	char *p; // next byte
} Out;

static void
put(Out *o, char c)
{
	*o->p++ = c;
}

static void
fmt_e(Out *o, int neg, const Digits *dg, int prec, char fmt)
{
	if (neg)
		put(o, '-');
	put(o, dg->nd == 0 ? '0' : dg->d[0]);
	if (prec > 0) {
		put(o, '.');
		int i = 1;
		int m = dg->nd < prec + 1 ? dg->nd : prec + 1;
		for (; i < m; i++)
			put(o, dg->d[i]);
		for (; i <= prec; i++)
			put(o, '0');
	}
	put(o, fmt);
	int exp = dg->nd == 0 ? 0 : dg->dp - 1;
	put(o, exp < 0 ? '-' : '+');
	if (exp < 0)
		exp = -exp;
	if (exp < 10) {
		put(o, '0');
		put(o, (char)('0' + exp));
	} else if (exp < 100) {
		put(o, (char)('0' + exp / 10));
		put(o, (char)('0' + exp % 10));
	} else {
		put(o, (char)('0' + exp / 100));
		put(o, (char)('0' + exp / 10 % 10));
		put(o, (char)('0' + exp % 10));
	}
}

static void
fmt_f(Out *o, int neg, const Digits *dg, int prec)
{
	if (neg)
		put(o, '-');
	if (dg->dp > 0) {
		int m = dg->nd < dg->dp ? dg->nd : dg->dp;
		for (int i = 0; i < m; i++)
			put(o, dg->d[i]);
		for (int i = m; i < dg->dp; i++)
			put(o, '0');
	} else {
		put(o, '0');
	}
	if (prec > 0) {
		put(o, '.');
		for (int i = 1; i <= prec; i++) {
			int j = dg->dp + i - 1;
			put(o, j >= 0 && j < dg->nd ? dg->d[j] : '0');
		}
	}
}

// fmt_b writes mantissa "p" exponent, the exact binary form (%b).
static void
fmt_b(Out *o, int neg, uint64_t mant, int exp)
{
	char buf[32];
	if (neg)
		put(o, '-');
	int n = snprintf(buf, sizeof buf, "%llup%+d", (unsigned long long)mant, exp);
	memcpy(o->p, buf, (size_t)n);
	o->p += n;
}

// fmt_x writes the hexadecimal form 0x1.8p+00 (%x, %X); mant*2^exp is the value with
// mantbits fraction bits.
static void
fmt_x(Out *o, int neg, uint64_t mant, int exp, int mantbits, int prec, char fmt)
{
	const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	exp += mantbits; // now value = mant/2^mantbits * 2^exp
	if (mant == 0)
		exp = 0;
	mant <<= 60 - mantbits; // leading bit (if any) at most at bit 60
	while (mant != 0 && (mant & ((uint64_t)1 << 60)) == 0) {
		mant <<= 1;
		exp--;
	}
	if (prec >= 0 && prec < 15) {
		int shift = prec * 4;
		uint64_t extra = (mant << shift) & (((uint64_t)1 << 60) - 1);
		mant >>= 60 - shift;
		if ((extra | (mant & 1)) > ((uint64_t)1 << 59))
			mant++;
		mant <<= 60 - shift;
		if (mant & ((uint64_t)1 << 61)) {
			mant >>= 1;
			exp++;
		}
	}
	if (neg)
		put(o, '-');
	put(o, '0');
	put(o, fmt);
	put(o, (char)('0' + (mant >> 60 & 1)));
	mant <<= 4;
	if (prec < 0 && mant != 0) {
		put(o, '.');
		while (mant != 0) {
			put(o, hex[mant >> 60 & 15]);
			mant <<= 4;
		}
	} else if (prec > 0) {
		put(o, '.');
		for (int i = 0; i < prec; i++) {
			put(o, hex[mant >> 60 & 15]);
			mant <<= 4;
		}
	}
	put(o, fmt == 'X' ? 'P' : 'p');
	put(o, exp < 0 ? '-' : '+');
	if (exp < 0)
		exp = -exp;
	char buf[8];
	int n = snprintf(buf, sizeof buf, "%02d", exp);
	memcpy(o->p, buf, (size_t)n);
	o->p += n;
}

// rt_ftoa_size bounds the bytes rt_ftoa writes for v at precision prec.
size_t
rt_ftoa_size(double v, int prec)
{
	return (size_t)(prec > 0 ? prec : 0) + 400;
}

// rt_ftoa formats v like strconv.AppendFloat(nil, v, verb, prec, bitsize); see the file
// comment. buf needs rt_ftoa_size(v, prec) bytes; the result is NUL-terminated.
int
rt_ftoa(char *buf, double v, int bitsize, int verb, int prec)
{
	Out o = {buf};
	int neg = signbit(v) != 0;
	if (isnan(v)) {
		strcpy(buf, "NaN");
		return 3;
	}
	if (isinf(v)) {
		strcpy(buf, neg ? "-Inf" : "+Inf");
		return 4;
	}
	if (bitsize == 32)
		v = (float)v;
	if (verb == 'b' || verb == 'x' || verb == 'X') {
		int mantbits = bitsize == 32 ? 23 : 52;
		uint64_t mant;
		int exp;
		if (bitsize == 32) {
			float f = (float)v;
			uint32_t bits;
			memcpy(&bits, &f, 4);
			mant = bits & ((1u << 23) - 1);
			exp = (int)(bits >> 23 & 0xFF);
			if (exp == 0)
				exp++;
			else
				mant |= 1u << 23;
			exp += -127 - mantbits;
		} else {
			uint64_t bits;
			memcpy(&bits, &v, 8);
			mant = bits & (((uint64_t)1 << 52) - 1);
			exp = (int)(bits >> 52 & 0x7FF);
			if (exp == 0)
				exp++;
			else
				mant |= (uint64_t)1 << 52;
			exp += -1023 - mantbits;
		}
		if (verb == 'b')
			fmt_b(&o, neg, mant, exp);
		else
			fmt_x(&o, neg, mant, exp, mantbits, prec, (char)verb);
		*o.p = '\0';
		return (int)(o.p - buf);
	}

	int shortest = prec < 0;
	Digits dg;
	char small[MAXSHORT + 8];
	size_t cap = (size_t)(prec > 0 ? prec : 0) + 340;
	dg.d = cap <= sizeof small ? small : malloc(cap);
	if (shortest) {
		digits_shortest(v, bitsize, &dg);
		switch (verb) {
		case 'e': case 'E': prec = dg.nd > 1 ? dg.nd - 1 : 0; break;
		case 'f': prec = dg.nd > dg.dp ? dg.nd - dg.dp : 0; break;
		default: prec = dg.nd; break;
		}
	} else if (verb == 'e' || verb == 'E') {
		digits_e(v, prec + 1, &dg);
	} else if (verb == 'f') {
		digits_f(v, prec, &dg);
	} else {
		if (prec == 0)
			prec = 1;
		digits_e(v, prec, &dg);
	}

	switch (verb) {
	case 'e':
	case 'E':
		fmt_e(&o, neg, &dg, prec, (char)verb);
		break;
	case 'f':
		fmt_f(&o, neg, &dg, prec);
		break;
	default: { // 'g', 'G'
		int eprec = prec;
		if (eprec > dg.nd && dg.nd >= dg.dp)
			eprec = dg.nd;
		if (shortest)
			eprec = 6;
		int exp = dg.dp - 1;
		if (exp < -4 || exp >= eprec) {
			if (prec > dg.nd)
				prec = dg.nd;
			fmt_e(&o, neg, &dg, prec - 1, verb == 'G' ? 'E' : 'e');
		} else {
			if (prec > dg.dp)
				prec = dg.nd;
			fmt_f(&o, neg, &dg, prec - dg.dp > 0 ? prec - dg.dp : 0);
		}
		break;
	}
	}
	if (dg.d != small)
		free(dg.d);
	*o.p = '\0';
	return (int)(o.p - buf);
}
