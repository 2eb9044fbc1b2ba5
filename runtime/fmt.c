// fmt.c: fmt.Print, Println, Printf and their Sprint forms over interface values
// described by RtType descriptors, with the semantics of Go 1.19's fmt package.
//
// Structure (mirrors fmt's two layers; the rules are Go's, the code is ours):
//   - The formatter layer (Fmt) holds the flags (- + # 0 space), width and precision of
//     one verb and writes padded numbers, strings, quoted strings, runes and floats:
//     width counts runes; '0' pads with zeros after the sign; a precision on an integer
//     disables zero padding; %.0d of 0 prints nothing; %x of strings/bytes is hex of the
//     bytes, with "# " variants; %q uses Go's escapes (\a \b \f \n \r \t \v, \xHH for
//     bad bytes and controls, \uHHHH, \UHHHHHHHH for unprintable runes) and %#q
//     back-quotes when it can; floats go through rt_ftoa (ftoa.c) with %v = %g shortest.
//   - The printer layer (PP) walks a value by its type: basic kinds by verb; structs as
//     {a b} (%+v {A:a B:b}, %#v main.T{A:a, B:b}); slices and arrays as [a b] (%#v
//     []int{1, 2}, nil as []int(nil)); pointers to structs/arrays/slices as &{...} at the
//     top level and as 0xADDR deeper; nil as <nil>; byte slices and arrays as text for
//     %s %q %x %X. A verb that does not fit the value prints %!verb(type=value); missing
//     operands %!verb(MISSING); unused ones %!(EXTRA type=value, ...); also %!(NOVERB),
//     %!(BADWIDTH), %!(BADPREC), %!verb(BADINDEX) for explicit indexes [n].
//   - Print adds a space between operands when neither is a string; Println always
//     adds one and ends with a newline.
//
// Methods: Error() and String(), found in the type's method table (rt.h RtMethod) or
// registered with rt_register_methods, are used as fmt's handleMethods does (error first;
// verbs v s x X q; not for %#v, not inside a bad-verb report, not below an unexported
// struct field); they run under a deferred recover as in fmt's catchPanic, so a panicking
// method prints %!v(PANIC=String method: value) and a nil pointer receiver <nil>.
// Maps print their entries sorted by key with internal/fmtsort's order (map[a:1 b:2]).
// Interface values in RtIface form (rt.h) print through their dynamic type. Not yet:
// Format, GoString.
//
// Output goes to a private buffer per call, then to the buffered stdout (print.c) or to a
// new heap string. See it: runtime/fmt_test.c, whose tables came from gc.
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "rtint.h"
#include "rtstd.h"

// ---- output buffer ----

typedef struct Buf {
	uint8_t *p;  // bytes (malloc'd)
	int64_t len; // bytes used
	int64_t cap; // bytes allocated
} Buf;

static void
bgrow(Buf *b, int64_t n)
{
	if (b->len + n <= b->cap)
		return;
	int64_t cap = b->cap ? b->cap * 2 : 256;
	while (cap < b->len + n)
		cap *= 2;
	uint8_t *p = realloc(b->p, (size_t)cap);
	if (p == NULL)
		rt_throw("out of memory");
	b->p = p;
	b->cap = cap;
}

static void
bwrite(Buf *b, const void *p, int64_t n)
{
	if (n <= 0)
		return;
	bgrow(b, n);
	memcpy(b->p + b->len, p, (size_t)n);
	b->len += n;
}

static void
bbyte(Buf *b, int c)
{
	bgrow(b, 1);
	b->p[b->len++] = (uint8_t)c;
}

static void
bstr(Buf *b, const char *s)
{
	bwrite(b, s, (int64_t)strlen(s));
}

static void
brune(Buf *b, int64_t r)
{
	uint8_t tmp[4];
	bwrite(b, tmp, rt_encoderune(tmp, r));
}

// ---- the formatter: flags, width, precision ----

typedef struct Fmt {
	Buf *buf;          // output
	bool wid_present;  // a width was given
	bool prec_present; // a precision was given
	bool minus;        // '-': pad on the right
	bool plus;         // '+': always a sign (%+q: ASCII only)
	bool sharp;        // '#': alternate form
	bool space;        // ' ': space for the sign, spaces between %x bytes
	bool zero;         // '0': pad with zeros on the left
	bool plus_v;       // %+v: field names
	bool sharp_v;      // %#v: Go syntax
	int wid;           // width, when wid_present
	int prec;          // precision, when prec_present
} Fmt;

static void
clearflags(Fmt *f)
{
	Buf *b = f->buf;
	memset(f, 0, sizeof *f);
	f->buf = b;
}

static void
write_padding(Fmt *f, int64_t n)
{
	if (n <= 0)
		return;
	bgrow(f->buf, n);
	memset(f->buf->p + f->buf->len, f->zero ? '0' : ' ', (size_t)n);
	f->buf->len += n;
}

// pad writes s, padded to the width (counted in runes) on the left or right.
static void
pad(Fmt *f, const uint8_t *s, int64_t n)
{
	if (!f->wid_present || f->wid == 0) {
		bwrite(f->buf, s, n);
		return;
	}
	int64_t width = f->wid - rt_runecount(s, n);
	if (!f->minus) {
		write_padding(f, width);
		bwrite(f->buf, s, n);
	} else {
		bwrite(f->buf, s, n);
		write_padding(f, width);
	}
}

static void
padstr(Fmt *f, const char *s)
{
	pad(f, (const uint8_t *)s, (int64_t)strlen(s));
}

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

static void
fmt_boolean(Fmt *f, bool v)
{
	padstr(f, v ? "true" : "false");
}

// fmt_integer formats u (negative when is_signed and the top bit is set) in base.
static void
fmt_integer(Fmt *f, uint64_t u, int base, bool is_signed, int verb, const char *digits)
{
	bool negative = is_signed && (int64_t)u < 0;
	if (negative)
		u = -u;
	int64_t size = 72;
	if (f->wid_present || f->prec_present)
		size += f->wid + f->prec;
	char small[72];
	char *buf = size <= (int64_t)sizeof small ? small : malloc((size_t)size);
	int64_t prec = 0;
	if (f->prec_present) {
		prec = f->prec;
		if (prec == 0 && u == 0) {
			bool oldzero = f->zero;
			f->zero = false;
			write_padding(f, f->wid);
			f->zero = oldzero;
			goto done;
		}
	} else if (f->zero && f->wid_present) {
		prec = f->wid;
		if (negative || f->plus || f->space)
			prec--;
	}
	int64_t i = size;
	switch (base) {
	case 10:
		for (; u >= 10; u /= 10)
			buf[--i] = (char)('0' + u % 10);
		break;
	case 16:
		for (; u >= 16; u >>= 4)
			buf[--i] = digits[u & 15];
		break;
	case 8:
		for (; u >= 8; u >>= 3)
			buf[--i] = (char)('0' + (u & 7));
		break;
	default:
		for (; u >= 2; u >>= 1)
			buf[--i] = (char)('0' + (u & 1));
		break;
	}
	buf[--i] = digits[u];
	while (i > 0 && prec > size - i)
		buf[--i] = '0';
	if (f->sharp) {
		if (base == 2) {
			buf[--i] = 'b';
			buf[--i] = '0';
		} else if (base == 8) {
			if (buf[i] != '0')
				buf[--i] = '0';
		} else if (base == 16) {
			buf[--i] = digits[16];
			buf[--i] = '0';
		}
	}
	if (verb == 'O') {
		buf[--i] = 'o';
		buf[--i] = '0';
	}
	if (negative)
		buf[--i] = '-';
	else if (f->plus)
		buf[--i] = '+';
	else if (f->space)
		buf[--i] = ' ';
	bool oldzero = f->zero;
	f->zero = false;
	pad(f, (const uint8_t *)buf + i, size - i);
	f->zero = oldzero;
done:
	if (buf != small)
		free(buf);
}

// fmt_unicode formats u as U+0078, or U+0078 'x' with '#' when printable.
static void
fmt_unicode(Fmt *f, uint64_t u)
{
	int prec = 4;
	if (f->prec_present && f->prec > 4)
		prec = f->prec;
	char *buf = malloc((size_t)prec + 32);
	int64_t size = prec + 32, i = size;
	if (f->sharp && u <= RT_MAX_RUNE && rt_isprint((int64_t)u)) {
		uint8_t tmp[4];
		int w = rt_encoderune(tmp, (int64_t)u);
		buf[--i] = '\'';
		i -= w;
		memcpy(buf + i, tmp, (size_t)w);
		buf[--i] = '\'';
		buf[--i] = ' ';
	}
	for (; u >= 16; u >>= 4) {
		buf[--i] = udigits[u & 15];
		prec--;
	}
	buf[--i] = udigits[u];
	prec--;
	for (; prec > 0; prec--)
		buf[--i] = '0';
	buf[--i] = '+';
	buf[--i] = 'U';
	bool oldzero = f->zero;
	f->zero = false;
	pad(f, (const uint8_t *)buf + i, size - i);
	f->zero = oldzero;
	free(buf);
}

// truncate shortens s to the precision, counted in runes.
static int64_t
truncate(Fmt *f, const uint8_t *s, int64_t n)
{
	if (!f->prec_present)
		return n;
	int64_t left = f->prec;
	for (int64_t i = 0; i < n;) {
		if (--left < 0)
			return i;
		if (s[i] < 0x80)
			i++;
		else
			rt_decoderune(s, n, i, &i);
	}
	return n;
}

static void
fmt_s(Fmt *f, const uint8_t *s, int64_t n)
{
	pad(f, s, truncate(f, s, n));
}

// fmt_sbx writes the bytes of s in hex (%x, %X), honouring '#' and ' '.
static void
fmt_sbx(Fmt *f, const uint8_t *s, int64_t n, const char *digits)
{
	int64_t length = n;
	if (f->prec_present && f->prec < length)
		length = f->prec;
	int64_t width = 2 * length;
	if (width > 0) {
		if (f->space) {
			if (f->sharp)
				width *= 2;
			width += length - 1;
		} else if (f->sharp) {
			width += 2;
		}
	} else {
		if (f->wid_present)
			write_padding(f, f->wid);
		return;
	}
	if (f->wid_present && f->wid > width && !f->minus)
		write_padding(f, f->wid - width);
	Buf *b = f->buf;
	if (f->sharp) {
		bbyte(b, '0');
		bbyte(b, digits[16]);
	}
	for (int64_t i = 0; i < length; i++) {
		if (f->space && i > 0) {
			bbyte(b, ' ');
			if (f->sharp) {
				bbyte(b, '0');
				bbyte(b, digits[16]);
			}
		}
		bbyte(b, digits[s[i] >> 4]);
		bbyte(b, digits[s[i] & 15]);
	}
	if (f->wid_present && f->wid > width && f->minus)
		write_padding(f, f->wid - width);
}

// escaped_rune appends r as it appears inside a quoted Go literal.
static void
escaped_rune(Buf *b, int64_t r, int quote, bool ascii_only)
{
	static const char hex[] = "0123456789abcdef";
	if (r == quote || r == '\\') {
		bbyte(b, '\\');
		bbyte(b, (int)r);
		return;
	}
	if (ascii_only ? (r < 0x80 && rt_isprint(r)) : rt_isprint(r)) {
		brune(b, r);
		return;
	}
	switch (r) {
	case '\a': bstr(b, "\\a"); return;
	case '\b': bstr(b, "\\b"); return;
	case '\f': bstr(b, "\\f"); return;
	case '\n': bstr(b, "\\n"); return;
	case '\r': bstr(b, "\\r"); return;
	case '\t': bstr(b, "\\t"); return;
	case '\v': bstr(b, "\\v"); return;
	}
	if (r < ' ' || r == 0x7F) {
		bstr(b, "\\x");
		bbyte(b, hex[r >> 4 & 15]);
		bbyte(b, hex[r & 15]);
		return;
	}
	if (r > RT_MAX_RUNE || (r >= 0xD800 && r <= 0xDFFF))
		r = RT_RUNE_ERROR;
	if (r < 0x10000) {
		bstr(b, "\\u");
		for (int s = 12; s >= 0; s -= 4)
			bbyte(b, hex[r >> s & 15]);
	} else {
		bstr(b, "\\U");
		for (int s = 28; s >= 0; s -= 4)
			bbyte(b, hex[r >> s & 15]);
	}
}

// quote appends strconv.Quote(s) (or QuoteToASCII) to b.
static void
quote(Buf *b, const uint8_t *s, int64_t n, bool ascii_only)
{
	static const char hex[] = "0123456789abcdef";
	bbyte(b, '"');
	for (int64_t i = 0; i < n;) {
		int64_t next;
		int64_t r = rt_decoderune(s, n, i, &next);
		if (next == i + 1 && r == RT_RUNE_ERROR) {
			bstr(b, "\\x");
			bbyte(b, hex[s[i] >> 4]);
			bbyte(b, hex[s[i] & 15]);
		} else {
			escaped_rune(b, r, '"', ascii_only);
		}
		i = next;
	}
	bbyte(b, '"');
}

static bool
can_backquote(const uint8_t *s, int64_t n)
{
	for (int64_t i = 0; i < n;) {
		int64_t next;
		int64_t r = rt_decoderune(s, n, i, &next);
		if (next - i > 1) {
			if (r == 0xFEFF)
				return false;
		} else {
			if (r == RT_RUNE_ERROR)
				return false;
			if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
				return false;
		}
		i = next;
	}
	return true;
}

// fmt_q formats a string as a quoted Go literal (back-quoted with %#q when possible).
static void
fmt_q(Fmt *f, const uint8_t *s, int64_t n)
{
	n = truncate(f, s, n);
	Buf tmp = {0};
	if (f->sharp && can_backquote(s, n)) {
		bbyte(&tmp, '`');
		bwrite(&tmp, s, n);
		bbyte(&tmp, '`');
	} else {
		quote(&tmp, s, n, f->plus);
	}
	pad(f, tmp.p, tmp.len);
	free(tmp.p);
}

// fmt_c formats an integer as the character it encodes (U+FFFD when invalid).
static void
fmt_c(Fmt *f, uint64_t c)
{
	uint8_t tmp[4];
	int64_t r = c > RT_MAX_RUNE ? RT_RUNE_ERROR : (int64_t)c;
	pad(f, tmp, rt_encoderune(tmp, r));
}

// fmt_qc formats an integer as a single-quoted Go character literal.
static void
fmt_qc(Fmt *f, uint64_t c)
{
	int64_t r = c > RT_MAX_RUNE ? RT_RUNE_ERROR : (int64_t)c;
	if (r >= 0xD800 && r <= 0xDFFF)
		r = RT_RUNE_ERROR;
	Buf tmp = {0};
	bbyte(&tmp, '\'');
	escaped_rune(&tmp, r, '\'', f->plus);
	bbyte(&tmp, '\'');
	pad(f, tmp.p, tmp.len);
	free(tmp.p);
}

// fmt_float formats v (size 32 or 64) with a strconv verb and default precision prec.
static void
fmt_float(Fmt *f, double v, int size, int verb, int prec)
{
	if (f->prec_present)
		prec = f->prec;
	size_t cap = rt_ftoa_size(v, prec) + 16 + (size_t)(f->sharp ? prec + 8 : 0);
	char *num0 = malloc(cap);
	char *num = num0 + 1;
	int n = rt_ftoa(num, v, size, verb, prec);
	if (num[0] == '-' || num[0] == '+') {
		// keep the sign
	} else {
		num = num0;
		num[0] = '+';
		n++;
	}
	if (f->space && num[0] == '+' && !f->plus)
		num[0] = ' ';
	if (num[1] == 'I' || num[1] == 'N') {
		bool oldzero = f->zero;
		f->zero = false;
		if (num[1] == 'N' && !f->space && !f->plus) {
			num++;
			n--;
		}
		pad(f, (const uint8_t *)num, n);
		f->zero = oldzero;
		free(num0);
		return;
	}
	if (f->sharp && verb != 'b') {
		int digits = 0;
		if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
			digits = prec == -1 ? 6 : prec;
		char tail[16];
		int ntail = 0;
		bool point = false, nonzero = false;
		for (int i = 1; i < n; i++) {
			char c = num[i];
			if (c == '.') {
				point = true;
				continue;
			}
			if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
				ntail = n - i < (int)sizeof tail ? n - i : (int)sizeof tail;
				memcpy(tail, num + i, (size_t)ntail);
				n = i;
				break;
			}
			if (c != '0')
				nonzero = true;
			if (nonzero)
				digits--;
		}
		if (!point) {
			if (n == 2 && num[1] == '0')
				digits--;
			num[n++] = '.';
		}
		for (; digits > 0; digits--)
			num[n++] = '0';
		memcpy(num + n, tail, (size_t)ntail);
		n += ntail;
	}
	if (f->plus || num[0] != '+') {
		if (f->zero && f->wid_present && f->wid > n) {
			bbyte(f->buf, num[0]);
			write_padding(f, f->wid - n);
			bwrite(f->buf, num + 1, n - 1);
		} else {
			pad(f, (const uint8_t *)num, n);
		}
	} else {
		pad(f, (const uint8_t *)num + 1, n - 1);
	}
	free(num0);
}

// ---- the printer: values by type ----

typedef struct PP {
	Buf buf;             // the output of this call
	Fmt fmt;             // the current verb's flags
	bool erroring;       // inside a %!verb(...) report
	bool panicking;      // printing the value a method panicked with
	bool readonly;       // below an unexported field: methods are not called
	const RtType *vtype; // the value being printed, for bad-verb reports (NULL: nil)
	const void *vptr;    // where it is stored
	bool wrap_errs;      // fmt.Errorf: %w may wrap one error operand
	RtEface wrapped;     // the operand %w wrapped (type NULL: none)
} PP;

static void print_value(PP *p, const RtType *t, const void *v, int verb, int depth);
static void print_arg(PP *p, const RtEface *arg, int verb);

static bool
is_signed_kind(int k)
{
	return k >= RT_KIND_INT && k <= RT_KIND_INT64;
}

static bool
is_unsigned_kind(int k)
{
	return k >= RT_KIND_UINT && k <= RT_KIND_UINTPTR;
}

static int64_t
load_int(const RtType *t, const void *v)
{
	switch (t->size) {
	case 1: return *(const int8_t *)v;
	case 2: return *(const int16_t *)v;
	case 4: return *(const int32_t *)v;
	default: return *(const int64_t *)v;
	}
}

static uint64_t
load_uint(const RtType *t, const void *v)
{
	switch (t->size) {
	case 1: return *(const uint8_t *)v;
	case 2: return *(const uint16_t *)v;
	case 4: return *(const uint32_t *)v;
	default: return *(const uint64_t *)v;
	}
}

// elem_of returns where an interface's dynamic value is stored.
static const void *
iface_value(const RtEface *e)
{
	if (e->type->flags & RT_FLAG_DIRECT)
		return &e->data;
	return e->data;
}

static void
bad_verb(PP *p, int verb)
{
	p->erroring = true;
	bstr(&p->buf, "%!");
	brune(&p->buf, verb);
	bbyte(&p->buf, '(');
	if (p->vtype != NULL) {
		const RtType *t = p->vtype;
		const void *v = p->vptr;
		bstr(&p->buf, t->name);
		bbyte(&p->buf, '=');
		print_value(p, t, v, 'v', 0);
	} else {
		bstr(&p->buf, "<nil>");
	}
	bbyte(&p->buf, ')');
	p->erroring = false;
}

static void
fmt_0x64(PP *p, uint64_t v, bool leading0x)
{
	bool sharp = p->fmt.sharp;
	p->fmt.sharp = leading0x;
	fmt_integer(&p->fmt, v, 16, false, 'v', ldigits);
	p->fmt.sharp = sharp;
}

static void
pp_integer(PP *p, uint64_t v, bool is_signed, int verb)
{
	Fmt *f = &p->fmt;
	switch (verb) {
	case 'v':
		if (f->sharp_v && !is_signed)
			fmt_0x64(p, v, true);
		else
			fmt_integer(f, v, 10, is_signed, verb, ldigits);
		break;
	case 'd': fmt_integer(f, v, 10, is_signed, verb, ldigits); break;
	case 'b': fmt_integer(f, v, 2, is_signed, verb, ldigits); break;
	case 'o':
	case 'O': fmt_integer(f, v, 8, is_signed, verb, ldigits); break;
	case 'x': fmt_integer(f, v, 16, is_signed, verb, ldigits); break;
	case 'X': fmt_integer(f, v, 16, is_signed, verb, udigits); break;
	case 'c': fmt_c(f, v); break;
	case 'q': fmt_qc(f, v); break;
	case 'U': fmt_unicode(f, v); break;
	default: bad_verb(p, verb); break;
	}
}

static void
pp_float(PP *p, double v, int size, int verb)
{
	switch (verb) {
	case 'v': fmt_float(&p->fmt, v, size, 'g', -1); break;
	case 'b':
	case 'g':
	case 'G':
	case 'x':
	case 'X': fmt_float(&p->fmt, v, size, verb, -1); break;
	case 'f':
	case 'e':
	case 'E': fmt_float(&p->fmt, v, size, verb, 6); break;
	case 'F': fmt_float(&p->fmt, v, size, 'f', 6); break;
	default: bad_verb(p, verb); break;
	}
}

static void
pp_complex(PP *p, double re, double im, int size, int verb)
{
	switch (verb) {
	case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F':
	case 'e': case 'E': {
		bool oldplus = p->fmt.plus;
		bbyte(&p->buf, '(');
		pp_float(p, re, size / 2, verb);
		p->fmt.plus = true;
		pp_float(p, im, size / 2, verb);
		bstr(&p->buf, "i)");
		p->fmt.plus = oldplus;
		break;
	}
	default:
		bad_verb(p, verb);
	}
}

static void
pp_string(PP *p, const uint8_t *s, int64_t n, int verb)
{
	switch (verb) {
	case 'v':
		if (p->fmt.sharp_v)
			fmt_q(&p->fmt, s, n);
		else
			fmt_s(&p->fmt, s, n);
		break;
	case 's': fmt_s(&p->fmt, s, n); break;
	case 'x': fmt_sbx(&p->fmt, s, n, ldigits); break;
	case 'X': fmt_sbx(&p->fmt, s, n, udigits); break;
	case 'q': fmt_q(&p->fmt, s, n); break;
	default: bad_verb(p, verb); break;
	}
}

// pp_bytes formats a byte slice or array as text for %s %q %x %X.
static void
pp_bytes(PP *p, const uint8_t *s, int64_t n, int verb)
{
	switch (verb) {
	case 's': pad(&p->fmt, s, truncate(&p->fmt, s, n)); break;
	case 'x': fmt_sbx(&p->fmt, s, n, ldigits); break;
	case 'X': fmt_sbx(&p->fmt, s, n, udigits); break;
	default: fmt_q(&p->fmt, s, n); break;
	}
}

// pointer_word returns the address a pointer-like value shows with %p and %v.
static uint64_t
pointer_word(const RtType *t, const void *v)
{
	void *ptr = *(void *const *)v;
	if (t->kind == RT_KIND_FUNC && ptr != NULL)
		return (uint64_t)(uintptr_t)((RtClosure *)ptr)->fn;
	return (uint64_t)(uintptr_t)ptr;
}

static void
pp_pointer(PP *p, const RtType *t, const void *v, int verb)
{
	switch (t->kind) {
	case RT_KIND_CHAN: case RT_KIND_FUNC: case RT_KIND_MAP: case RT_KIND_POINTER:
	case RT_KIND_SLICE: case RT_KIND_UNSAFEPOINTER:
		break;
	default:
		bad_verb(p, verb);
		return;
	}
	uint64_t u = pointer_word(t, v);
	switch (verb) {
	case 'v':
		if (p->fmt.sharp_v) {
			bbyte(&p->buf, '(');
			bstr(&p->buf, t->name);
			bstr(&p->buf, ")(");
			if (u == 0)
				bstr(&p->buf, "nil");
			else
				fmt_0x64(p, u, true);
			bbyte(&p->buf, ')');
		} else if (u == 0) {
			padstr(&p->fmt, "<nil>");
		} else {
			fmt_0x64(p, u, !p->fmt.sharp);
		}
		break;
	case 'p':
		fmt_0x64(p, u, !p->fmt.sharp);
		break;
	case 'b': case 'o': case 'd': case 'x': case 'X':
		pp_integer(p, u, false, verb);
		break;
	default:
		bad_verb(p, verb);
	}
}

// ---- maps: entries sorted by key (Go's internal/fmtsort) ----

typedef struct MapEntry {
	const void *key;  // where the key is stored
	const void *elem; // where the elem is stored
} MapEntry;

static int
cmp_num(double a, double b)
{
	// fmtsort's floats: NaN first, then by value (-0 == +0).
	bool an = a != a, bn = b != b;
	if (an || bn)
		return an && bn ? 0 : an ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

// compare_keys orders two keys of type t as fmtsort.compare does: numbers by value,
// strings bytewise, false before true, pointers and channels by address, arrays and
// structs element by element, interfaces nil first, then by dynamic type (by name: gc's
// linker lays type descriptors out in name order, so address order is name order), then
// by value.
static int
compare_keys(const RtType *t, const void *a, const void *b)
{
	switch (t->kind) {
	case RT_KIND_BOOL: {
		uint8_t x = *(const uint8_t *)a, y = *(const uint8_t *)b;
		return x == y ? 0 : x ? 1 : -1;
	}
	case RT_KIND_INT: case RT_KIND_INT8: case RT_KIND_INT16: case RT_KIND_INT32:
	case RT_KIND_INT64: {
		int64_t x = load_int(t, a), y = load_int(t, b);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	case RT_KIND_UINT: case RT_KIND_UINT8: case RT_KIND_UINT16: case RT_KIND_UINT32:
	case RT_KIND_UINT64: case RT_KIND_UINTPTR: {
		uint64_t x = load_uint(t, a), y = load_uint(t, b);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	case RT_KIND_FLOAT32:
		return cmp_num(*(const float *)a, *(const float *)b);
	case RT_KIND_FLOAT64:
		return cmp_num(*(const double *)a, *(const double *)b);
	case RT_KIND_COMPLEX64: {
		int c = cmp_num(((const float *)a)[0], ((const float *)b)[0]);
		return c != 0 ? c : cmp_num(((const float *)a)[1], ((const float *)b)[1]);
	}
	case RT_KIND_COMPLEX128: {
		int c = cmp_num(((const double *)a)[0], ((const double *)b)[0]);
		return c != 0 ? c : cmp_num(((const double *)a)[1], ((const double *)b)[1]);
	}
	case RT_KIND_STRING: {
		const RtString *x = a, *y = b;
		return (int)rt_strcmp(x->ptr, x->len, y->ptr, y->len);
	}
	case RT_KIND_ARRAY:
		for (uint64_t i = 0; i < t->len; i++) {
			uint64_t off = i * t->elem->size;
			int c = compare_keys(t->elem, (const uint8_t *)a + off,
					     (const uint8_t *)b + off);
			if (c != 0)
				return c;
		}
		return 0;
	case RT_KIND_STRUCT:
		for (uint32_t i = 0; i < t->nfields; i++) {
			const RtField *f = &t->fields[i];
			int c = compare_keys(f->type, (const uint8_t *)a + f->offset,
					     (const uint8_t *)b + f->offset);
			if (c != 0)
				return c;
		}
		return 0;
	case RT_KIND_INTERFACE: {
		RtEface x, y;
		rt_iface_decode(t, a, &x.type, &x.data);
		rt_iface_decode(t, b, &y.type, &y.data);
		if (x.type == NULL || y.type == NULL)
			return x.type == y.type ? 0 : x.type == NULL ? -1 : 1;
		if (x.type != y.type) {
			int c = strcmp(x.type->name, y.type->name);
			if (c != 0)
				return c < 0 ? -1 : 1;
			return (uintptr_t)x.type < (uintptr_t)y.type ? -1 : 1;
		}
		return compare_keys(x.type, iface_value(&x), iface_value(&y));
	}
	default: {
		// pointers, channels, unsafe pointers: by address
		uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
		return x < y ? -1 : x > y ? 1 : 0;
	}
	}
}

// sort_entries sorts e[0:n] by key (insertion sort into runs, then bottom-up merging:
// stable, and O(n log n) for the big maps tests print).
static void
sort_entries(const RtType *kt, MapEntry *e, int64_t n)
{
	MapEntry *tmp = malloc((size_t)(n > 0 ? n : 1) * sizeof *tmp);
	if (tmp == NULL)
		rt_throw("out of memory");
	enum { RUN = 16 };
	for (int64_t lo = 0; lo < n; lo += RUN) {
		int64_t hi = lo + RUN < n ? lo + RUN : n;
		for (int64_t i = lo + 1; i < hi; i++) {
			MapEntry x = e[i];
			int64_t j = i;
			for (; j > lo && compare_keys(kt, e[j - 1].key, x.key) > 0; j--)
				e[j] = e[j - 1];
			e[j] = x;
		}
	}
	for (int64_t w = RUN; w < n; w *= 2) {
		for (int64_t lo = 0; lo < n - w; lo += 2 * w) {
			int64_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
			int64_t i = lo, j = mid, k = 0;
			while (i < mid && j < hi)
				tmp[k++] = compare_keys(kt, e[j].key, e[i].key) < 0 ? e[j++] : e[i++];
			while (i < mid)
				tmp[k++] = e[i++];
			while (j < hi)
				tmp[k++] = e[j++];
			memcpy(e + lo, tmp, (size_t)k * sizeof *tmp);
		}
	}
	free(tmp);
}

// print_map prints a map as fmt does: map[k:v k:v] (%#v: map[K]V{k:v, k:v}), keys sorted.
static void
print_map(PP *p, const RtType *t, RtMap *m, int verb, int depth)
{
	if (p->fmt.sharp_v) {
		bstr(&p->buf, t->name);
		if (m == NULL) {
			bstr(&p->buf, "(nil)");
			return;
		}
		bbyte(&p->buf, '{');
	} else {
		bstr(&p->buf, "map[");
	}
	int64_t n = rt_maplen(m), k = 0;
	MapEntry *e = malloc((size_t)(n > 0 ? n : 1) * sizeof *e);
	if (e == NULL)
		rt_throw("out of memory");
	RtMapIter it;
	for (rt_mapiterinit(t, m, &it); it.key != NULL && k < n; rt_mapiternext(&it))
		e[k++] = (MapEntry){it.key, it.elem};
	sort_entries(t->key, e, k);
	for (int64_t i = 0; i < k; i++) {
		if (i > 0)
			bstr(&p->buf, p->fmt.sharp_v ? ", " : " ");
		print_value(p, t->key, e[i].key, verb, depth + 1);
		bbyte(&p->buf, ':');
		print_value(p, t->elem, e[i].elem, verb, depth + 1);
	}
	free(e);
	bbyte(&p->buf, p->fmt.sharp_v ? '}' : ']');
}

// ---- calling Error and String as fmt's catchPanic does ----

typedef struct CatchClosure { // the deferred func() { *val = recover() }
	void (*fn)(void);
	RtEface *val;
} CatchClosure;

static __attribute__((noinline)) void
catch_fn(CatchClosure *c)
{
	rt_gorecover(c->val, __builtin_frame_address(0));
	__asm__ volatile("" ::: "memory"); // no tail call: recover must see this frame
}

// call_method runs fn(data) under a deferred recover, in rt.h's code shape for a function
// with defers. Returns false when the method panicked (*pv: the value, NULL for panic(nil)).
static __attribute__((noinline)) bool
call_method(RtStringMethod fn, void *data, RtString *out, RtEface *pv)
{
	RtFrame fr;
	CatchClosure c = {(void (*)(void))catch_fn, pv};
	pv->type = NULL;
	pv->data = NULL;
	rt_deferframe(&fr);
	if (_setjmp(*(jmp_buf *)(void *)fr.jb) != 0) {
		rt_deferreturn(&fr);
		return false;
	}
	rt_deferproc(&fr, (RtClosure *)&c);
	*out = fn(data);
	rt_deferreturn(&fr);
	return true;
}

// handle_methods formats a value through its Error or String method when fmt would:
// not inside a bad-verb report, not for %#v, only for the verbs that take a string, and
// not below an unexported field (reflect cannot call methods there). A method that panics
// prints %!v(PANIC=String method: value), or <nil> for a nil pointer receiver.
static bool
handle_methods(PP *p, const RtType *t, const void *v, int verb)
{
	if (p->erroring || p->readonly || p->fmt.sharp_v)
		return false;
	if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q')
		return false;
	RtStringMethod error_fn, string_fn;
	if (!rt_string_methods(t, &error_fn, &string_fn))
		return false;
	void *data = (t->flags & RT_FLAG_DIRECT) ? *(void *const *)v : (void *)v;
	bool isnilptr = data == NULL && t->kind == RT_KIND_POINTER;
	if (isnilptr && !(t->flags & RT_FLAG_UNCOMMON)) {
		// Registered methods (rt_register_methods) may not expect a nil receiver: print
		// what fmt prints when such a call panics, without calling.
		padstr(&p->fmt, "<nil>");
		return true;
	}
	RtStringMethod fn = error_fn != NULL ? error_fn : string_fn;
	RtString s;
	RtEface pv;
	if (!call_method(fn, data, &s, &pv)) {
		if (isnilptr) {
			padstr(&p->fmt, "<nil>");
			return true;
		}
		if (pv.type == NULL)
			return true; // panic(nil): recover() is nil, nothing is printed
		if (p->panicking)
			rt_panic(pv.type, pv.data);
		Fmt saved = p->fmt;
		clearflags(&p->fmt);
		bstr(&p->buf, "%!");
		brune(&p->buf, verb);
		bstr(&p->buf, "(PANIC=");
		bstr(&p->buf, error_fn != NULL ? "Error method: " : "String method: ");
		p->panicking = true;
		print_arg(p, &pv, 'v');
		p->panicking = false;
		bbyte(&p->buf, ')');
		p->fmt = saved;
		return true;
	}
	pp_string(p, s.ptr, s.len, verb);
	return true;
}

static bool
is_exported(const char *name)
{
	return name[0] >= 'A' && name[0] <= 'Z';
}

// print_value formats the value of type t stored at v; depth 0 is a top-level operand.
static void
print_value(PP *p, const RtType *t, const void *v, int verb, int depth)
{
	p->vtype = t;
	p->vptr = v;
	if (handle_methods(p, t, v, verb))
		return;
	if (t == &rt_type_error_string && !p->erroring && !p->fmt.sharp_v &&
	    (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')) {
		const RtString *s = v;
		pp_string(p, s->ptr, s->len, verb);
		return;
	}
	switch (t->kind) {
	case RT_KIND_BOOL:
		switch (verb) {
		case 't':
		case 'v': fmt_boolean(&p->fmt, *(const uint8_t *)v != 0); break;
		default: bad_verb(p, verb); break;
		}
		return;
	case RT_KIND_INT: case RT_KIND_INT8: case RT_KIND_INT16: case RT_KIND_INT32:
	case RT_KIND_INT64:
		pp_integer(p, (uint64_t)load_int(t, v), true, verb);
		return;
	case RT_KIND_UINT: case RT_KIND_UINT8: case RT_KIND_UINT16: case RT_KIND_UINT32:
	case RT_KIND_UINT64: case RT_KIND_UINTPTR:
		pp_integer(p, load_uint(t, v), false, verb);
		return;
	case RT_KIND_FLOAT32:
		pp_float(p, *(const float *)v, 32, verb);
		return;
	case RT_KIND_FLOAT64:
		pp_float(p, *(const double *)v, 64, verb);
		return;
	case RT_KIND_COMPLEX64:
		pp_complex(p, ((const float *)v)[0], ((const float *)v)[1], 64, verb);
		return;
	case RT_KIND_COMPLEX128:
		pp_complex(p, ((const double *)v)[0], ((const double *)v)[1], 128, verb);
		return;
	case RT_KIND_STRING: {
		const RtString *s = v;
		pp_string(p, s->ptr, s->len, verb);
		return;
	}
	case RT_KIND_MAP:
		if (*(void *const *)v == NULL) {
			if (p->fmt.sharp_v) {
				bstr(&p->buf, t->name);
				bstr(&p->buf, "(nil)");
			} else {
				bstr(&p->buf, "map[]");
			}
			return;
		}
		print_map(p, t, *(RtMap *const *)v, verb, depth);
		return;
	case RT_KIND_STRUCT:
		if (p->fmt.sharp_v)
			bstr(&p->buf, t->name);
		bbyte(&p->buf, '{');
		for (uint32_t i = 0; i < t->nfields; i++) {
			const RtField *fl = &t->fields[i];
			if (i > 0)
				bstr(&p->buf, p->fmt.sharp_v ? ", " : " ");
			if ((p->fmt.plus_v || p->fmt.sharp_v) && fl->name[0] != '\0') {
				bstr(&p->buf, fl->name);
				bbyte(&p->buf, ':');
			}
			const RtType *ft = fl->type;
			const void *fv = (const uint8_t *)v + fl->offset;
			if (ft->kind == RT_KIND_INTERFACE) {
				RtEface e;
				rt_iface_decode(ft, fv, &e.type, &e.data);
				if (e.type != NULL) {
					bool ro = p->readonly;
					p->readonly = ro || !is_exported(fl->name);
					print_value(p, e.type, iface_value(&e), verb, depth + 1);
					p->readonly = ro;
					continue;
				}
			}
			bool ro = p->readonly;
			p->readonly = ro || !is_exported(fl->name);
			print_value(p, ft, fv, verb, depth + 1);
			p->readonly = ro;
		}
		bbyte(&p->buf, '}');
		return;
	case RT_KIND_INTERFACE: {
		RtEface ev;
		rt_iface_decode(t, v, &ev.type, &ev.data);
		const RtEface *e = &ev;
		if (e->type == NULL) {
			if (p->fmt.sharp_v) {
				bstr(&p->buf, t->name);
				bstr(&p->buf, "(nil)");
			} else {
				bstr(&p->buf, "<nil>");
			}
			return;
		}
		print_value(p, e->type, iface_value(e), verb, depth + 1);
		return;
	}
	case RT_KIND_ARRAY:
	case RT_KIND_SLICE: {
		const uint8_t *base;
		int64_t n;
		bool isnil = false;
		if (t->kind == RT_KIND_SLICE) {
			const RtSlice *s = v;
			base = s->ptr;
			n = s->len;
			isnil = s->ptr == NULL;
		} else {
			base = v;
			n = (int64_t)t->len;
		}
		if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
		    t->elem->kind == RT_KIND_UINT8) {
			pp_bytes(p, base, n, verb);
			return;
		}
		if (p->fmt.sharp_v) {
			bstr(&p->buf, t->name);
			if (isnil) {
				bstr(&p->buf, "(nil)");
				return;
			}
			bbyte(&p->buf, '{');
			for (int64_t i = 0; i < n; i++) {
				if (i > 0)
					bstr(&p->buf, ", ");
				print_value(p, t->elem, base + (uint64_t)i * t->elem->size, verb,
					    depth + 1);
			}
			bbyte(&p->buf, '}');
		} else {
			bbyte(&p->buf, '[');
			for (int64_t i = 0; i < n; i++) {
				if (i > 0)
					bbyte(&p->buf, ' ');
				print_value(p, t->elem, base + (uint64_t)i * t->elem->size, verb,
					    depth + 1);
			}
			bbyte(&p->buf, ']');
		}
		return;
	}
	case RT_KIND_POINTER: {
		void *ptr = *(void *const *)v;
		if (depth == 0 && ptr != NULL && t->elem != NULL) {
			int k = t->elem->kind;
			if (k == RT_KIND_ARRAY || k == RT_KIND_SLICE || k == RT_KIND_STRUCT ||
			    k == RT_KIND_MAP) {
				bbyte(&p->buf, '&');
				print_value(p, t->elem, ptr, verb, depth + 1);
				return;
			}
		}
		pp_pointer(p, t, v, verb);
		return;
	}
	case RT_KIND_CHAN:
	case RT_KIND_FUNC:
	case RT_KIND_UNSAFEPOINTER:
		pp_pointer(p, t, v, verb);
		return;
	default:
		bbyte(&p->buf, '?');
		bstr(&p->buf, t->name);
		bbyte(&p->buf, '?');
		return;
	}
}

// print_arg formats one operand (an interface value) with a verb.
static void
print_arg(PP *p, const RtEface *arg, int verb)
{
	if (arg->type == NULL) {
		p->vtype = NULL;
		p->vptr = NULL;
		if (verb == 'T' || verb == 'v')
			padstr(&p->fmt, "<nil>");
		else
			bad_verb(p, verb);
		return;
	}
	const void *v = iface_value(arg);
	p->vtype = arg->type;
	p->vptr = v;
	if (verb == 'w') {
		// fmt.Errorf's %w: once, of an error operand, formatted as %v. Otherwise a bad
		// verb; the predeclared kinds report it without resetting the wrap state (fmt's
		// fast path never reaches handleMethods), other values reset it.
		RtStringMethod error_fn, string_fn;
		bool basic = !(arg->type->flags & RT_FLAG_NAMED) &&
			     (arg->type->kind <= RT_KIND_COMPLEX128 ||
			      arg->type->kind == RT_KIND_STRING ||
			      strcmp(arg->type->name, "[]uint8") == 0);
		bool is_error = rt_string_methods(arg->type, &error_fn, &string_fn) &&
				error_fn != NULL;
		if (basic || !is_error || !p->wrap_errs || p->wrapped.type != NULL) {
			if (!basic) {
				p->wrapped.type = NULL;
				p->wrapped.data = NULL;
				p->wrap_errs = false;
			}
			bad_verb(p, verb);
			return;
		}
		p->wrapped = *arg;
		verb = 'v';
	}
	if (verb == 'T') {
		const char *s = arg->type->name;
		fmt_s(&p->fmt, (const uint8_t *)s, (int64_t)strlen(s));
		return;
	}
	if (verb == 'p') {
		pp_pointer(p, arg->type, v, 'p');
		return;
	}
	if (p->fmt.sharp_v && (verb == 'v' || verb == 'd') &&
	    strcmp(arg->type->name, "[]uint8") == 0) {
		// fmt's fast path for []byte spells the type "[]byte" in Go syntax.
		const RtSlice *s = v;
		bstr(&p->buf, "[]byte");
		if (s->ptr == NULL) {
			bstr(&p->buf, "(nil)");
			return;
		}
		bbyte(&p->buf, '{');
		for (int64_t i = 0; i < s->len; i++) {
			if (i > 0)
				bstr(&p->buf, ", ");
			fmt_0x64(p, ((const uint8_t *)s->ptr)[i], true);
		}
		bbyte(&p->buf, '}');
		return;
	}
	print_value(p, arg->type, v, verb, 0);
}

static void
do_print(PP *p, const RtEface *args, int64_t n)
{
	bool prev_string = false;
	for (int64_t i = 0; i < n; i++) {
		bool is_string = args[i].type != NULL && args[i].type->kind == RT_KIND_STRING;
		if (i > 0 && !is_string && !prev_string)
			bbyte(&p->buf, ' ');
		print_arg(p, &args[i], 'v');
		prev_string = is_string;
	}
}

static void
do_println(PP *p, const RtEface *args, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		if (i > 0)
			bbyte(&p->buf, ' ');
		print_arg(p, &args[i], 'v');
	}
	bbyte(&p->buf, '\n');
}

// ---- Printf ----

static bool
too_large(int64_t x)
{
	return x > 1000000 || x < -1000000;
}

// parsenum reads a decimal number at f[*i:end]; an absurdly long one consumes the rest.
static bool
parsenum(const uint8_t *f, int64_t *i, int64_t end, int *num)
{
	int64_t n = 0;
	bool isnum = false;
	int64_t k = *i;
	for (; k < end && f[k] >= '0' && f[k] <= '9'; k++) {
		if (too_large(n)) {
			*num = 0;
			*i = end;
			return false;
		}
		n = n * 10 + (f[k] - '0');
		isnum = true;
	}
	*num = (int)n;
	*i = k;
	return isnum;
}

// int_from_arg reads args[*argnum] as a width or precision.
static bool
int_from_arg(const RtEface *args, int64_t nargs, int64_t *argnum, int *num)
{
	*num = 0;
	if (*argnum >= nargs)
		return false;
	const RtEface *a = &args[*argnum];
	bool ok = false;
	int64_t n = 0;
	if (a->type != NULL) {
		const void *v = iface_value(a);
		if (is_signed_kind(a->type->kind)) {
			n = load_int(a->type, v);
			ok = true;
		} else if (is_unsigned_kind(a->type->kind)) {
			uint64_t u = load_uint(a->type, v);
			if ((int64_t)u >= 0) {
				n = (int64_t)u;
				ok = true;
			}
		}
	}
	(*argnum)++;
	if (too_large(n)) {
		n = 0;
		ok = false;
	}
	*num = (int)n;
	return ok;
}

typedef struct ArgState {
	int64_t argnum;    // next operand
	bool reordered;    // an explicit index was used
	bool good_argnum;  // the last explicit index was valid
	bool after_index;  // the previous item was an index like [3]
} ArgState;

// arg_number handles an explicit operand index [n] at f[*i].
static void
arg_number(ArgState *st, const uint8_t *f, int64_t *i, int64_t end, int64_t nargs)
{
	st->after_index = false;
	if (*i >= end || f[*i] != '[')
		return;
	st->reordered = true;
	// parse [n]
	int64_t k = *i;
	int64_t wid = 1;
	bool ok = false;
	int index = 0;
	if (end - k >= 3) {
		for (int64_t j = k + 1; j < end; j++) {
			if (f[j] == ']') {
				int64_t q = k + 1;
				int num;
				bool isnum = parsenum(f, &q, j, &num);
				if (!isnum || q != j) {
					wid = j - k + 1;
					ok = false;
				} else {
					index = num - 1;
					wid = j - k + 1;
					ok = true;
				}
				break;
			}
		}
	}
	if (ok && index >= 0 && index < nargs) {
		st->argnum = index;
		*i = k + wid;
		st->after_index = true;
		return;
	}
	st->good_argnum = false;
	*i = k + wid;
	st->after_index = ok;
}

static void
do_printf(PP *p, const uint8_t *f, int64_t end, const RtEface *args, int64_t nargs)
{
	ArgState st = {0};
	Fmt *fm = &p->fmt;
	for (int64_t i = 0; i < end;) {
		st.good_argnum = true;
		int64_t lasti = i;
		while (i < end && f[i] != '%')
			i++;
		if (i > lasti)
			bwrite(&p->buf, f + lasti, i - lasti);
		if (i >= end)
			break;
		i++; // skip %
		clearflags(fm);
		for (; i < end; i++) {
			uint8_t c = f[i];
			if (c == '#')
				fm->sharp = true;
			else if (c == '0')
				fm->zero = !fm->minus;
			else if (c == '+')
				fm->plus = true;
			else if (c == '-') {
				fm->minus = true;
				fm->zero = false;
			} else if (c == ' ')
				fm->space = true;
			else
				break;
		}
		arg_number(&st, f, &i, end, nargs);
		if (i < end && f[i] == '*') {
			i++;
			fm->wid_present = int_from_arg(args, nargs, &st.argnum, &fm->wid);
			if (!fm->wid_present)
				bstr(&p->buf, "%!(BADWIDTH)");
			if (fm->wid < 0) {
				fm->wid = -fm->wid;
				fm->minus = true;
				fm->zero = false;
			}
			st.after_index = false;
		} else {
			fm->wid_present = parsenum(f, &i, end, &fm->wid);
			if (st.after_index && fm->wid_present)
				st.good_argnum = false;
		}
		if (i + 1 < end && f[i] == '.') {
			i++;
			if (st.after_index)
				st.good_argnum = false;
			arg_number(&st, f, &i, end, nargs);
			if (i < end && f[i] == '*') {
				i++;
				fm->prec_present = int_from_arg(args, nargs, &st.argnum, &fm->prec);
				if (fm->prec < 0) {
					fm->prec = 0;
					fm->prec_present = false;
				}
				if (!fm->prec_present)
					bstr(&p->buf, "%!(BADPREC)");
				st.after_index = false;
			} else {
				fm->prec_present = parsenum(f, &i, end, &fm->prec);
				if (!fm->prec_present) {
					fm->prec = 0;
					fm->prec_present = true;
				}
			}
		}
		if (!st.after_index)
			arg_number(&st, f, &i, end, nargs);
		if (i >= end) {
			bstr(&p->buf, "%!(NOVERB)");
			break;
		}
		int64_t verb = f[i];
		int64_t next = i + 1;
		if (verb >= 0x80)
			verb = rt_decoderune(f, end, i, &next);
		i = next;
		if (verb == '%') {
			bbyte(&p->buf, '%');
		} else if (!st.good_argnum) {
			bstr(&p->buf, "%!");
			brune(&p->buf, verb);
			bstr(&p->buf, "(BADINDEX)");
		} else if (st.argnum >= nargs) {
			bstr(&p->buf, "%!");
			brune(&p->buf, verb);
			bstr(&p->buf, "(MISSING)");
		} else {
			if (verb == 'v') {
				fm->sharp_v = fm->sharp;
				fm->sharp = false;
				fm->plus_v = fm->plus;
				fm->plus = false;
			}
			print_arg(p, &args[st.argnum], (int)verb);
			st.argnum++;
		}
	}
	if (!st.reordered && st.argnum < nargs) {
		clearflags(fm);
		bstr(&p->buf, "%!(EXTRA ");
		for (int64_t k = st.argnum; k < nargs; k++) {
			if (k > st.argnum)
				bstr(&p->buf, ", ");
			if (args[k].type == NULL) {
				bstr(&p->buf, "<nil>");
			} else {
				bstr(&p->buf, args[k].type->name);
				bbyte(&p->buf, '=');
				print_arg(p, &args[k], 'v');
			}
		}
		bbyte(&p->buf, ')');
	}
}

// ---- entry points ----

static void
pp_init(PP *p)
{
	memset(p, 0, sizeof *p);
	p->fmt.buf = &p->buf;
}

static void
pp_to_stdout(PP *p)
{
	rt_out_write(p->buf.p, p->buf.len);
	free(p->buf.p);
}

static RtString
pp_to_string(PP *p)
{
	RtString s = rt_bytes2str(p->buf.p, p->buf.len);
	free(p->buf.p);
	return s;
}

// rt_fmt_print implements fmt.Print(args...).
void
rt_fmt_print(const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_print(&p, args, n);
	pp_to_stdout(&p);
}

// rt_fmt_println implements fmt.Println(args...).
void
rt_fmt_println(const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_println(&p, args, n);
	pp_to_stdout(&p);
}

// rt_fmt_printf implements fmt.Printf(format, args...).
void
rt_fmt_printf(const uint8_t *f, int64_t fn, const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_printf(&p, f, fn, args, n);
	pp_to_stdout(&p);
}

// rt_fmt_sprint implements fmt.Sprint(args...).
RtString
rt_fmt_sprint(const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_print(&p, args, n);
	return pp_to_string(&p);
}

// rt_fmt_sprintln implements fmt.Sprintln(args...).
RtString
rt_fmt_sprintln(const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_println(&p, args, n);
	return pp_to_string(&p);
}

// rt_fmt_sprintf implements fmt.Sprintf(format, args...).
RtString
rt_fmt_sprintf(const uint8_t *f, int64_t fn, const RtEface *args, int64_t n)
{
	PP p;
	pp_init(&p);
	do_printf(&p, f, fn, args, n);
	return pp_to_string(&p);
}

// rt_fmt_errorf_text formats fmt.Errorf's message and finds the error %w wraps (rtstd.h).
RtString
rt_fmt_errorf_text(const uint8_t *f, int64_t fn, const RtEface *args, int64_t n,
		   RtEface *wrapped)
{
	PP p;
	pp_init(&p);
	p.wrap_errs = true;
	do_printf(&p, f, fn, args, n);
	*wrapped = p.wrapped;
	return pp_to_string(&p);
}

// rt_os_exit implements os.Exit(code): stdout is flushed, deferred calls do not run.
_Noreturn void
rt_os_exit(int64_t code)
{
	rt_out_flush();
	exit((int)code);
}
