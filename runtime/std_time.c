// std_time.c: the subset of package time gosub provides (frontend/std.c has the Go
// declarations): Duration and its unit methods and String, Time as a wall clock reading
// plus a monotonic one (Now, Since, Until, Sub, Unix, UnixNano), and Sleep.
//
// Time is {wall, mono}: nanoseconds since the Unix epoch (CLOCK_REALTIME) and on the
// monotonic clock (CLOCK_MONOTONIC); durations between Times use the monotonic reading,
// as Go's do. Sleep is a yield point: with no goroutines yet, it runs the finalizers the
// collector queued (what Go's finalizer goroutine would do while main sleeps), then
// sleeps the rest of the time.
//
// Duration.String follows the documented format: "72h3m0.5s"; leading zero units are
// omitted; durations under a second use ms, µs or ns so that the leading digit is not
// zero; the zero duration is "0s". Fractions drop their trailing zeros.
#define _POSIX_C_SOURCE 200809L // clock_gettime, nanosleep
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rtstd.h"

enum { NS_PER_SEC = 1000000000 };

static int64_t
clock_ns(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

// rt_time_Now implements time.Now().
void
rt_time_Now(RtTime *out)
{
	out->wall = clock_ns(CLOCK_REALTIME);
	out->mono = clock_ns(CLOCK_MONOTONIC);
}

// rt_time_Since implements time.Since(t).
int64_t
rt_time_Since(const RtTime *t)
{
	return clock_ns(CLOCK_MONOTONIC) - t->mono;
}

// rt_time_Until implements time.Until(t).
int64_t
rt_time_Until(const RtTime *t)
{
	return t->mono - clock_ns(CLOCK_MONOTONIC);
}

// rt_time_Sub implements Time.Sub(u).
int64_t
rt_time_Sub(const RtTime *t, const RtTime *u)
{
	return t->mono - u->mono;
}

// rt_time_UnixNano implements Time.UnixNano().
int64_t
rt_time_UnixNano(const RtTime *t)
{
	return t->wall;
}

// rt_time_Unix implements Time.Unix(): whole seconds, rounded towards minus infinity.
int64_t
rt_time_Unix(const RtTime *t)
{
	int64_t s = t->wall / NS_PER_SEC;
	return t->wall % NS_PER_SEC < 0 ? s - 1 : s;
}

// rt_time_Sleep implements time.Sleep(d): queued finalizers run first (a yield point).
void
rt_time_Sleep(int64_t d)
{
	rt_gc_yield();
	if (d <= 0)
		return;
	struct timespec ts = {d / NS_PER_SEC, d % NS_PER_SEC};
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

// ---- Duration ----

// rt_time_Nanoseconds implements Duration.Nanoseconds().
int64_t
rt_time_Nanoseconds(int64_t d)
{
	return d;
}

// rt_time_Microseconds implements Duration.Microseconds().
int64_t
rt_time_Microseconds(int64_t d)
{
	return d / 1000;
}

// rt_time_Milliseconds implements Duration.Milliseconds().
int64_t
rt_time_Milliseconds(int64_t d)
{
	return d / 1000000;
}

// in_units: d in units of unit ns, whole part and remainder kept apart so that large
// durations do not lose the fraction.
static double
in_units(int64_t d, int64_t unit)
{
	return (double)(d / unit) + (double)(d % unit) / (double)unit;
}

// rt_time_Seconds implements Duration.Seconds().
double
rt_time_Seconds(int64_t d)
{
	return in_units(d, NS_PER_SEC);
}

// rt_time_Minutes implements Duration.Minutes().
double
rt_time_Minutes(int64_t d)
{
	return in_units(d, 60LL * NS_PER_SEC);
}

// rt_time_Hours implements Duration.Hours().
double
rt_time_Hours(int64_t d)
{
	return in_units(d, 3600LL * NS_PER_SEC);
}

// put_scaled appends v / 10^digits to b at *n: the integer part, then the fraction
// without its trailing zeros (and without the point when the fraction is zero).
static void
put_scaled(char *b, int *n, uint64_t v, int digits)
{
	uint64_t scale = 1;
	for (int i = 0; i < digits; i++)
		scale *= 10;
	*n += snprintf(b + *n, 32, "%llu", (unsigned long long)(v / scale));
	uint64_t frac = v % scale;
	if (frac == 0)
		return;
	char f[24];
	snprintf(f, sizeof f, "%0*llu", digits, (unsigned long long)frac);
	int len = digits;
	while (len > 0 && f[len - 1] == '0')
		len--;
	b[(*n)++] = '.';
	memcpy(b + *n, f, (size_t)len);
	*n += len;
}

// rt_time_String implements Duration.String().
RtString
rt_time_String(int64_t d)
{
	char b[64];
	int n = 0;
	uint64_t u = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
	if (d < 0)
		b[n++] = '-';
	if (u == 0) {
		n += snprintf(b + n, 8, "0s");
	} else if (u < 1000) {
		n += snprintf(b + n, 32, "%lluns", (unsigned long long)u);
	} else if (u < 1000000) {
		put_scaled(b, &n, u, 3);
		n += snprintf(b + n, 8, "\xc2\xb5s"); // µs, U+00B5
	} else if (u < NS_PER_SEC) {
		put_scaled(b, &n, u, 6);
		n += snprintf(b + n, 8, "ms");
	} else {
		uint64_t secs = u / NS_PER_SEC, h = secs / 3600, m = secs / 60 % 60;
		if (h > 0)
			n += snprintf(b + n, 32, "%lluh", (unsigned long long)h);
		if (h > 0 || m > 0)
			n += snprintf(b + n, 32, "%llum", (unsigned long long)m);
		put_scaled(b, &n, u % (60ULL * NS_PER_SEC), 9);
		b[n++] = 's';
	}
	uint8_t *p = rt_alloc_bytes(n, 1);
	memcpy(p, b, (size_t)n);
	return (RtString){p, n};
}

// ---- the time.Duration descriptor ----
//
// Codegen refers to it by its descriptor name instead of making its own (cgtype.c), so that
// fmt finds Duration's String method (and interfaces its other methods) through this
// method table. A Duration in an interface is boxed: each entry takes a pointer to it.

// DUR_IFN(name, T, fn) defines name(const int64_t *d), returning fn(*d) as T.
#define DUR_IFN(name, T, fn)                                                             \
	static T name(const int64_t *d)                                                  \
	{                                                                                \
		return fn(*d);                                                           \
	}
DUR_IFN(dur_string_ifn, RtString, rt_time_String)
DUR_IFN(dur_hours_ifn, double, rt_time_Hours)
DUR_IFN(dur_minutes_ifn, double, rt_time_Minutes)
DUR_IFN(dur_seconds_ifn, double, rt_time_Seconds)
DUR_IFN(dur_milliseconds_ifn, int64_t, rt_time_Milliseconds)
DUR_IFN(dur_microseconds_ifn, int64_t, rt_time_Microseconds)
DUR_IFN(dur_nanoseconds_ifn, int64_t, rt_time_Nanoseconds)

#define IFN(f) ((void (*)(void))(f))
static const RtMethod duration_methods[] = { // sorted by name
	{"Hours", "func() float64", IFN(dur_hours_ifn), NULL},
	{"Microseconds", "func() int64", IFN(dur_microseconds_ifn), NULL},
	{"Milliseconds", "func() int64", IFN(dur_milliseconds_ifn), NULL},
	{"Minutes", "func() float64", IFN(dur_minutes_ifn), NULL},
	{"Nanoseconds", "func() int64", IFN(dur_nanoseconds_ifn), NULL},
	{"Seconds", "func() float64", IFN(dur_seconds_ifn), NULL},
	{"String", "func() string", IFN(dur_string_ifn), NULL},
};

extern const RtType rt_type_time_duration __asm__("\"type:time.Duration\"");
const RtType rt_type_time_duration = {
	.size = 8, .hash = 0x987c7972, // fnv1a("time.Duration"), codegen's hash
	.kind = RT_KIND_INT64, .align = 8, .flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON,
	.name = "time.Duration", .methods = duration_methods, .nmethods = 7,
};
