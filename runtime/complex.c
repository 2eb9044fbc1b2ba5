// complex.c: the corner cases of complex division.
//
// Codegen divides complex numbers inline with Smith's algorithm (R. L. Smith, "Algorithm
// 116: Complex division", CACM 5(8), 1962), which gives NaN+NaNi when an operand is
// infinite or the divisor is zero. Go, like C99 (ISO/IEC 9899:1999, Annex G.5.1,
// "Multiplicative operators"), then recovers the infinite or zero result the operands
// imply; codegen calls rt_complex_divnan only when both parts of its result are NaN.
#include "rtint.h"

static double
inf_or_zero(double x) // 1 or 0 with the sign of x: whether x is infinite
{
	return __builtin_copysign(__builtin_isinf(x) ? 1.0 : 0.0, x);
}

static bool
finite(double x)
{
	return !__builtin_isnan(x) && !__builtin_isinf(x);
}

// rt_complex_divnan: (a+bi)/(c+di) gave NaN+NaNi in out[0], out[1]; replaces it with
// Annex G's result: a signed infinity for a non-NaN dividend over zero, an infinity for
// an infinite dividend over a finite divisor, a signed zero for a finite dividend over
// an infinite divisor; NaN+NaNi otherwise.
void
rt_complex_divnan(double a, double b, double c, double d, double *out)
{
	double inf = __builtin_inf();
	if (c == 0 && d == 0 && (!__builtin_isnan(a) || !__builtin_isnan(b))) {
		out[0] = __builtin_copysign(inf, c) * a;
		out[1] = __builtin_copysign(inf, c) * b;
	} else if ((__builtin_isinf(a) || __builtin_isinf(b)) && finite(c) && finite(d)) {
		a = inf_or_zero(a);
		b = inf_or_zero(b);
		out[0] = inf * (a * c + b * d);
		out[1] = inf * (b * c - a * d);
	} else if ((__builtin_isinf(c) || __builtin_isinf(d)) && finite(a) && finite(b)) {
		c = inf_or_zero(c);
		d = inf_or_zero(d);
		out[0] = 0 * (a * c + b * d);
		out[1] = 0 * (b * c - a * d);
	}
}
