// print.c: the output streams and the print/println builtins.
//
// Streams: fmt writes to a 64 KB stdout buffer (flushed after every write when stdout
// is a terminal); everything written to stderr (print, println, panics) first flushes
// that buffer, so the two streams interleave exactly as in a Go program, whose os.Stdout
// is unbuffered. rtmain.c and rt_os_exit flush at exit.
//
// print/println follow Go's runtime print: integers in decimal, floats as
// [+-]d.dddddde[+-]ddd (seven significant digits, computed by Go's repeated
// multiply/divide by ten, so the last digit matches gc even where it is not correctly
// rounded), +Inf, -Inf, NaN; complex as (re+imi); pointers as 0x-prefixed lowercase hex;
// slices as [len/cap]ptr; interfaces as (type,data). Between rt_printlock and
// rt_printunlock output is gathered and written with one write(2), like Go's printlock.
//
// See it: println(1.5, "x", nil) in any program; runtime/print_test.c.
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "rtint.h"

// ---- streams ----

enum { OUTBUF = 64 << 10 };

static uint8_t outbuf[OUTBUF]; // pending stdout bytes
static int64_t outlen;         // bytes used in outbuf
static int out_tty = -1;       // stdout is a terminal (flush per write); -1: not checked
static uint8_t errbuf[4096];   // print statement being gathered under printlock
static int64_t errlen;         // bytes used in errbuf
static int printlocked;        // nesting depth of rt_printlock

int
rt_print_noscan(RtGCRoot *out)
{
	out[0] = (RtGCRoot){outbuf, sizeof outbuf, NULL};
	out[1] = (RtGCRoot){errbuf, sizeof errbuf, NULL};
	return 2;
}

static void
writeall(int fd, const uint8_t *p, int64_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, (size_t)n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return; // nowhere to report it; Go also drops the output
		}
		p += w;
		n -= w;
	}
}

// rt_out_flush writes the pending stdout bytes.
void
rt_out_flush(void)
{
	if (outlen > 0) {
		int64_t n = outlen;
		outlen = 0;
		writeall(1, outbuf, n);
	}
}

// rt_out_write appends n bytes to stdout, flushing when the buffer fills; writes larger
// than the buffer go straight out.
void
rt_out_write(const void *p, int64_t n)
{
	if (n <= 0)
		return;
	if (outlen + n > OUTBUF) {
		rt_out_flush();
		if (n >= OUTBUF) {
			writeall(1, p, n);
			return;
		}
	}
	memcpy(outbuf + outlen, p, (size_t)n);
	outlen += n;
	if (out_tty < 0)
		out_tty = isatty(1);
	if (out_tty)
		rt_out_flush(); // someone is watching: show output as Go would, at once
}

static void
errflush(void)
{
	if (errlen > 0) {
		int64_t n = errlen;
		errlen = 0;
		writeall(2, errbuf, n);
	}
}

// rt_err_write writes n bytes to stderr after flushing stdout; inside a print statement
// the bytes are gathered until rt_printunlock.
void
rt_err_write(const void *p, int64_t n)
{
	if (n <= 0)
		return;
	rt_out_flush();
	if (printlocked > 0 && errlen + n <= (int64_t)sizeof errbuf) {
		memcpy(errbuf + errlen, p, (size_t)n);
		errlen += n;
		return;
	}
	errflush();
	writeall(2, p, n);
}

// rt_err_str writes a NUL-terminated string to stderr.
void
rt_err_str(const char *s)
{
	rt_err_write(s, (int64_t)strlen(s));
}

// ---- the print builtins ----

// rt_printlock starts one print/println statement.
void
rt_printlock(void)
{
	printlocked++;
}

// rt_printunlock ends it and writes what it gathered.
void
rt_printunlock(void)
{
	if (printlocked > 0 && --printlocked == 0)
		errflush();
}

// rt_printbool prints true or false.
void
rt_printbool(int64_t b)
{
	rt_err_str(b ? "true" : "false");
}

// rt_printuint prints v in decimal.
void
rt_printuint(uint64_t v)
{
	char buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	rt_err_write(buf + i, (int64_t)sizeof buf - i);
}

// rt_printint prints v in decimal with a leading '-' when negative.
void
rt_printint(int64_t v)
{
	if (v < 0) {
		rt_err_write("-", 1);
		rt_printuint(-(uint64_t)v);
		return;
	}
	rt_printuint((uint64_t)v);
}

static void
printhex(uint64_t v)
{
	char buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v != 0);
	buf[--i] = 'x';
	buf[--i] = '0';
	rt_err_write(buf + i, (int64_t)sizeof buf - i);
}

// rt_printfloat prints v as Go's print does: sign, one digit, '.', six digits, 'e', sign,
// three exponent digits. Worked example: 1.5 -> +1.500000e+000; 0.1 -> +1.000000e-001.
// The digits come from Go's algorithm: normalise into [1,10) by repeated *10 or /10,
// add 5e-7 to round, then peel digits off with int conversion.
void
rt_printfloat(double v)
{
	enum { NDIG = 7 };
	char buf[NDIG + 7];
	int e = 0;

	if (v != v) {
		rt_err_str("NaN");
		return;
	}
	if (v + v == v && v != 0) {
		rt_err_str(v < 0 ? "-Inf" : "+Inf");
		return;
	}
	buf[0] = '+';
	if (v == 0) {
		if (1 / v < 0)
			buf[0] = '-';
	} else {
		if (v < 0) {
			v = -v;
			buf[0] = '-';
		}
		while (v >= 10) {
			e++;
			v /= 10;
		}
		while (v < 1) {
			e--;
			v *= 10;
		}
		double h = 5.0;
		for (int i = 0; i < NDIG; i++)
			h /= 10;
		v += h;
		if (v >= 10) {
			e++;
			v /= 10;
		}
	}
	for (int i = 0; i < NDIG; i++) {
		int d = (int)v;
		buf[i + 2] = (char)('0' + d);
		v -= d;
		v *= 10;
	}
	buf[1] = buf[2];
	buf[2] = '.';
	buf[NDIG + 2] = 'e';
	buf[NDIG + 3] = '+';
	if (e < 0) {
		e = -e;
		buf[NDIG + 3] = '-';
	}
	buf[NDIG + 4] = (char)('0' + e / 100);
	buf[NDIG + 5] = (char)('0' + e / 10 % 10);
	buf[NDIG + 6] = (char)('0' + e % 10);
	rt_err_write(buf, sizeof buf);
}

// rt_printcomplex prints (re+imi) with both parts in rt_printfloat's format.
void
rt_printcomplex(double re, double im)
{
	rt_err_write("(", 1);
	rt_printfloat(re);
	rt_printfloat(im);
	rt_err_write("i)", 2);
}

// rt_printstring prints the bytes of a string unchanged.
void
rt_printstring(const uint8_t *p, int64_t n)
{
	rt_err_write(p, n);
}

// rt_printpointer prints a pointer as 0x-prefixed hex (nil is 0x0).
void
rt_printpointer(const void *p)
{
	printhex((uint64_t)(uintptr_t)p);
}

// rt_printeface prints an interface as (type,data), both as pointers.
void
rt_printeface(const RtType *t, void *data)
{
	rt_err_write("(", 1);
	printhex((uint64_t)(uintptr_t)t);
	rt_err_write(",", 1);
	printhex((uint64_t)(uintptr_t)data);
	rt_err_write(")", 1);
}

// rt_printslice prints a slice as [len/cap]ptr.
void
rt_printslice(void *p, int64_t len, int64_t cap)
{
	rt_err_write("[", 1);
	rt_printint(len);
	rt_err_write("/", 1);
	rt_printint(cap);
	rt_err_write("]", 1);
	printhex((uint64_t)(uintptr_t)p);
}

// rt_printsp prints the space println puts between operands.
void
rt_printsp(void)
{
	rt_err_write(" ", 1);
}

// rt_printnl prints the newline that ends println.
void
rt_printnl(void)
{
	rt_err_write("\n", 1);
}
