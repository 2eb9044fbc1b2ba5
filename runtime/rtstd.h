// rtstd.h: declarations shared by the runtime's standard-library files (std_*.c: errors,
// strings, strconv, sort, os, unicode/utf8, time). Never included by generated code; the
// functions generated code calls are the rt_<pkg>_<Name> ones, whose signatures follow
// rt.h's flattening rule (strings as ptr, len; slices as ptr, len, cap; interfaces as
// type-or-itab, data; non-scalar or multiple results through an out-pointer first
// argument laid out as a C struct of the results).
#pragma once

#include "rtint.h"

// ---- results written through out-pointers (Go tuples laid out as C structs) ----
typedef struct RtIntErr {    // (int, error), (int64, error), (uint64, error)
	int64_t v;
	RtIface err;
} RtIntErr;
typedef struct RtFloatErr {  // (float64, error)
	double v;
	RtIface err;
} RtFloatErr;
typedef struct RtBoolErr {   // (bool, error)
	uint8_t v;
	RtIface err;
} RtBoolErr;
typedef struct RtStringErr { // (string, error)
	RtString v;
	RtIface err;
} RtStringErr;
typedef struct RtStringOk {  // (string, bool)
	RtString v;
	uint8_t ok;
} RtStringOk;
typedef struct RtCut {       // strings.Cut: (before, after string, found bool)
	RtString before, after;
	uint8_t found;
} RtCut;
typedef struct RtRuneSize {  // (rune, int)
	int32_t r;
	int64_t size;
} RtRuneSize;
typedef struct RtNumError { // strconv.NumError
	RtString func;       // "Atoi", "ParseInt", ...
	RtString num;        // the input
	RtIface err;         // ErrRange, ErrSyntax or another error
} RtNumError;
typedef struct RtFile {      // os.File: struct{ fd int; name string }
	int64_t fd;
	RtString name;
} RtFile;

// ---- descriptors (std_errors.c) ----
extern const RtType rt_type_error;        // the interface type error (RtIface form)
extern const RtType rt_type_errors_string; // *errors.errorString (errors.New's values)

// Method signatures exactly as codegen spells them (RtMethod.sig).
#define RT_SIG_ERROR "func() string"
#define RT_SIG_UNWRAP "func() error"

// ---- strings on the Go heap (std_strings.c) ----
RtString rt_str_new(int64_t n, uint8_t **bytes); // a new string of n bytes to fill in
RtString rt_str_cstr(const char *s);          // a heap copy of a C string
RtString rt_str_cat3(RtString a, RtString b, RtString c); // a + b + c

// A growing byte buffer in malloc'd memory (never holds Go pointers, so the collector
// need not see it); rt_sb_string copies it to a Go string and frees it.
typedef struct RtStrBuf {
	uint8_t *p;  // bytes
	int64_t len; // bytes used
	int64_t cap; // bytes allocated
} RtStrBuf;
void rt_sb_write(RtStrBuf *b, const void *p, int64_t n);
void rt_sb_byte(RtStrBuf *b, int c);
void rt_sb_rune(RtStrBuf *b, int64_t r);
RtString rt_sb_string(RtStrBuf *b);

// RT_RET3_TRAMPOLINE(name, target) defines the assembly function name for a method table:
// it calls target(&out, <its own arguments>) (the integer argument registers shifted by
// one, a stack slot as out) and returns out's three words in rax, rdx and rcx, which is
// how LLVM returns a Go function's (int, error) and other three-word results and what C
// cannot express.
#define RT_RET3_TRAMPOLINE(name, target)                                                  \
	__asm__(".text\n.p2align 4\n" #name ":\n"                                        \
		"\tpushq %rbp\n\tmovq %rsp, %rbp\n\tsubq $32, %rsp\n"                      \
		"\tmovq %r8, %r9\n\tmovq %rcx, %r8\n\tmovq %rdx, %rcx\n"                   \
		"\tmovq %rsi, %rdx\n\tmovq %rdi, %rsi\n\tmovq %rsp, %rdi\n"                \
		"\tcall " #target "\n"                                                    \
		"\tmovq (%rsp), %rax\n\tmovq 8(%rsp), %rdx\n\tmovq 16(%rsp), %rcx\n"       \
		"\tleave\n\tret\n");

// ---- errors (std_errors.c) ----
// *out = errors.New(msg) (a new *errors.errorString, so two calls never compare equal).
void rt_error_new(RtIface *out, RtString msg);
// The error value (itab for error, data) of a dynamic value (t, data); t must implement
// error. A nil t gives the nil error.
void rt_error_from(RtIface *out, const RtType *t, void *data);
// panic(msg) with a string value, as Go code's panic("...") (a new heap string).
_Noreturn void rt_panic_str(const char *msg);
// Error() of a non-nil error value.
RtString rt_error_text(const RtItab *tab, void *data);

// ---- fmt (fmt.c) ----
// Formats like fmt.Sprintf, except that one %w verb whose operand is an error formats it
// as %v and records it in *wrapped (fmt.Errorf's rules: a second %w, or %w of a value that
// is not an error, prints %!w(...) and records nothing); wrapped->type is NULL when none.
RtString rt_fmt_errorf_text(const uint8_t *f, int64_t fn, const RtEface *args, int64_t n,
			    RtEface *wrapped);

// ---- strconv (std_strconv.c) ----
// Appends Go's double-quoted form of s (strconv.Quote; ascii: QuoteToASCII) to *b.
void rt_quote_to(RtStrBuf *b, const uint8_t *s, int64_t n, int quote, bool ascii);

// ---- the functions generated code calls (rt_<pkg>_<Name>, rt_<pkg>_var_<Name>) ----

// errors, fmt.Errorf (std_errors.c)
void rt_errors_New(RtIface *out, const uint8_t *p, int64_t n);
void rt_errors_Unwrap(RtIface *out, const RtItab *tab, void *data);
int64_t rt_errors_Is(const RtItab *tab, void *data, const RtItab *ttab, void *tdata);
int64_t rt_errors_As(const RtItab *tab, void *data, const RtType *tt, void *tp);
void rt_fmt_Errorf(RtIface *out, const uint8_t *f, int64_t fn, const RtEface *args, int64_t n,
	int64_t cap);

// strings (std_strings.c)
int64_t rt_strings_Index(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m);
int64_t rt_strings_LastIndex(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m);
int64_t rt_strings_IndexByte(const uint8_t *s, int64_t n, int64_t c);
int64_t rt_strings_LastIndexByte(const uint8_t *s, int64_t n, int64_t c);
int64_t rt_strings_IndexRune(const uint8_t *s, int64_t n, int64_t r);
int64_t rt_strings_IndexAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
int64_t rt_strings_LastIndexAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
int64_t rt_strings_Contains(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m);
int64_t rt_strings_ContainsRune(const uint8_t *s, int64_t n, int64_t r);
int64_t rt_strings_ContainsAny(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
int64_t rt_strings_HasPrefix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m);
int64_t rt_strings_HasSuffix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m);
int64_t rt_strings_Count(const uint8_t *s, int64_t n, const uint8_t *sub, int64_t m);
int64_t rt_strings_Compare(const uint8_t *a, int64_t an, const uint8_t *b, int64_t bn);
int64_t rt_strings_EqualFold(const uint8_t *s, int64_t n, const uint8_t *t, int64_t m);
void rt_strings_Cut(RtCut *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m);
void rt_strings_Split(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m);
void rt_strings_SplitN(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep, int64_t m,
	int64_t max);
void rt_strings_SplitAfter(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep,
	int64_t m);
void rt_strings_SplitAfterN(RtSlice *out, const uint8_t *s, int64_t n, const uint8_t *sep,
	int64_t m, int64_t max);
void rt_strings_Fields(RtSlice *out, const uint8_t *s, int64_t n);
void rt_strings_FieldsFunc(RtSlice *out, const uint8_t *s, int64_t n, RtClosure *f);
RtString rt_strings_Join(const RtString *e, int64_t len, int64_t cap, const uint8_t *sep,
	int64_t m);
RtString rt_strings_Repeat(const uint8_t *s, int64_t n, int64_t count);
RtString rt_strings_Trim(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
RtString rt_strings_TrimLeft(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
RtString rt_strings_TrimRight(const uint8_t *s, int64_t n, const uint8_t *cs, int64_t m);
RtString rt_strings_TrimSpace(const uint8_t *s, int64_t n);
RtString rt_strings_TrimFunc(const uint8_t *s, int64_t n, RtClosure *f);
RtString rt_strings_TrimLeftFunc(const uint8_t *s, int64_t n, RtClosure *f);
RtString rt_strings_TrimRightFunc(const uint8_t *s, int64_t n, RtClosure *f);
int64_t rt_strings_IndexFunc(const uint8_t *s, int64_t n, RtClosure *f);
RtString rt_strings_TrimPrefix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m);
RtString rt_strings_TrimSuffix(const uint8_t *s, int64_t n, const uint8_t *p, int64_t m);
RtString rt_strings_ToUpper(const uint8_t *s, int64_t n);
RtString rt_strings_ToLower(const uint8_t *s, int64_t n);
RtString rt_strings_Map(RtClosure *f, const uint8_t *s, int64_t n);
RtString rt_strings_Replace(const uint8_t *s, int64_t sn, const uint8_t *old, int64_t on,
	const uint8_t *nw, int64_t nn, int64_t n);
RtString rt_strings_ReplaceAll(const uint8_t *s, int64_t sn, const uint8_t *old, int64_t on,
	const uint8_t *nw, int64_t nn);

// strings.Builder (std_strings.c)
typedef struct Builder Builder;
RtString rt_strings_String(Builder *b);
int64_t rt_strings_Len(Builder *b);
int64_t rt_strings_Cap(Builder *b);
void rt_strings_Reset(Builder *b);
void rt_strings_Grow(Builder *b, int64_t n);
void rt_strings_Write(RtIntErr *out, Builder *b, const uint8_t *p, int64_t len,
	int64_t cap);
void rt_strings_WriteString(RtIntErr *out, Builder *b, const uint8_t *p, int64_t len);
void rt_strings_WriteByte(RtIface *out, Builder *b, int64_t c);
void rt_strings_WriteRune(RtIntErr *out, Builder *b, int64_t r);

// bytes (std_strings.c)
int64_t rt_bytes_Equal(const uint8_t *a, int64_t an, int64_t ac, const uint8_t *b,
	int64_t bn, int64_t bc);
int64_t rt_bytes_Compare(const uint8_t *a, int64_t an, int64_t ac, const uint8_t *b,
	int64_t bn, int64_t bc);
int64_t rt_bytes_Index(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub,
	int64_t m, int64_t mc);
int64_t rt_bytes_LastIndex(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub,
	int64_t m, int64_t mc);
int64_t rt_bytes_IndexByte(const uint8_t *s, int64_t n, int64_t sc, int64_t c);
int64_t rt_bytes_Contains(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub,
	int64_t m, int64_t mc);
int64_t rt_bytes_HasPrefix(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *p,
	int64_t m, int64_t mc);
int64_t rt_bytes_HasSuffix(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *p,
	int64_t m, int64_t mc);
int64_t rt_bytes_Count(const uint8_t *s, int64_t n, int64_t sc, const uint8_t *sub,
	int64_t m, int64_t mc);

// strconv (std_strconv.c)
void rt_strconv_var_ErrRange(RtIface *g);
void rt_strconv_var_ErrSyntax(RtIface *g);
RtString rt_strconv_Itoa(int64_t i);
RtString rt_strconv_FormatInt(int64_t i, int64_t base);
RtString rt_strconv_FormatUint(uint64_t u, int64_t base);
RtString rt_strconv_FormatBool(int64_t b);
void rt_strconv_AppendInt(RtSlice *out, const uint8_t *p, int64_t len, int64_t cap, int64_t v,
	int64_t base);
RtString rt_strconv_FormatFloat(double f, int64_t fmt, int64_t prec, int64_t bitsize);
void rt_strconv_ParseUint(RtIntErr *out, const uint8_t *s, int64_t n, int64_t base, int64_t bits);
void rt_strconv_ParseInt(RtIntErr *out, const uint8_t *s, int64_t n, int64_t base, int64_t bits);
void rt_strconv_Atoi(RtIntErr *out, const uint8_t *s0, int64_t n0);
void rt_strconv_ParseBool(RtBoolErr *out, const uint8_t *s, int64_t n);
void rt_strconv_ParseFloat(RtFloatErr *out, const uint8_t *s, int64_t n, int64_t bitsize);
RtString rt_strconv_Quote(const uint8_t *s, int64_t n);
RtString rt_strconv_QuoteToASCII(const uint8_t *s, int64_t n);
RtString rt_strconv_QuoteRune(int64_t r);
RtString rt_strconv_QuoteRuneToASCII(int64_t r);
int64_t rt_strconv_IsPrint(int64_t r);
void rt_strconv_Unquote(RtStringErr *out, const uint8_t *s, int64_t n);
RtString rt_strconv_Error(RtNumError *e);
void rt_strconv_Unwrap(RtIface *out, RtNumError *e);

// sort (std_sort.c)
void rt_sort_Slice(const RtType *t, void *data, RtClosure *less);
void rt_sort_SliceStable(const RtType *t, void *data, RtClosure *less);
int64_t rt_sort_SliceIsSorted(const RtType *t, void *data, RtClosure *less);
void rt_sort_Sort(const RtItab *tab, void *data);
void rt_sort_Stable(const RtItab *tab, void *data);
int64_t rt_sort_IsSorted(const RtItab *tab, void *data);
int64_t rt_sort_Search(int64_t n, RtClosure *f);
int64_t rt_sort_SearchInts(const int64_t *a, int64_t len, int64_t cap, int64_t x);
int64_t rt_sort_SearchStrings(const RtString *a, int64_t len, int64_t cap, const uint8_t *x,
	int64_t xn);
int64_t rt_sort_SearchFloat64s(const double *a, int64_t len, int64_t cap, double x);
void rt_sort_Reverse(RtIface *out, const RtItab *tab, void *data);
int64_t rt_sort_Len(void *p, int64_t len, int64_t cap);

// os, io, fmt.Fprint* (std_os.c)
void rt_os_Write(RtIntErr *out, RtFile *f, const uint8_t *p, int64_t len, int64_t cap);
void rt_os_WriteString(RtIntErr *out, RtFile *f, const uint8_t *p, int64_t len);
void rt_os_var_Stdin(RtFile **g);
void rt_os_var_Stdout(RtFile **g);
void rt_os_var_Stderr(RtFile **g);
RtString rt_os_Name(RtFile *f);
RtString rt_os_Getenv(const uint8_t *p, int64_t n);
void rt_os_LookupEnv(RtStringOk *out, const uint8_t *p, int64_t n);
void rt_io_var_EOF(RtIface *g);
void rt_fmt_Fprint(RtIntErr *out, const RtItab *tab, void *data, const RtEface *args, int64_t n,
	int64_t cap);
void rt_fmt_Fprintln(RtIntErr *out, const RtItab *tab, void *data, const RtEface *args, int64_t n,
	int64_t cap);
void rt_fmt_Fprintf(RtIntErr *out, const RtItab *tab, void *data, const uint8_t *f, int64_t fn,
	const RtEface *args, int64_t n, int64_t cap);

// unicode/utf8 (std_utf8.c)
void rt_unicode_utf8_DecodeRuneInString(RtRuneSize *out, const uint8_t *p, int64_t n);
void rt_unicode_utf8_DecodeRune(RtRuneSize *out, const uint8_t *p, int64_t n, int64_t cap);
void rt_unicode_utf8_DecodeLastRuneInString(RtRuneSize *out, const uint8_t *p, int64_t n);
void rt_unicode_utf8_DecodeLastRune(RtRuneSize *out, const uint8_t *p, int64_t n, int64_t cap);
int64_t rt_unicode_utf8_RuneLen(int64_t r);
int64_t rt_unicode_utf8_RuneCountInString(const uint8_t *p, int64_t n);
int64_t rt_unicode_utf8_RuneCount(const uint8_t *p, int64_t n, int64_t cap);
int64_t rt_unicode_utf8_ValidString(const uint8_t *p, int64_t n);
int64_t rt_unicode_utf8_Valid(const uint8_t *p, int64_t n, int64_t cap);
int64_t rt_unicode_utf8_ValidRune(int64_t r);
int64_t rt_unicode_utf8_RuneStart(int64_t b);
int64_t rt_unicode_utf8_FullRuneInString(const uint8_t *p, int64_t n);
int64_t rt_unicode_utf8_FullRune(const uint8_t *p, int64_t n, int64_t cap);
int64_t rt_unicode_utf8_EncodeRune(uint8_t *p, int64_t n, int64_t cap, int64_t r);
void rt_unicode_utf8_AppendRune(RtSlice *out, uint8_t *p, int64_t n, int64_t cap, int64_t r);

// time (std_time.c): Time is {wall ns since the epoch, monotonic ns}, Duration an int64
typedef struct RtTime {
	int64_t wall;
	int64_t mono;
} RtTime;
void rt_time_Now(RtTime *out);
int64_t rt_time_Since(const RtTime *t);
int64_t rt_time_Until(const RtTime *t);
int64_t rt_time_Sub(const RtTime *t, const RtTime *u);
int64_t rt_time_UnixNano(const RtTime *t);
int64_t rt_time_Unix(const RtTime *t);
void rt_time_Sleep(int64_t d);
int64_t rt_time_Nanoseconds(int64_t d);
int64_t rt_time_Microseconds(int64_t d);
int64_t rt_time_Milliseconds(int64_t d);
double rt_time_Seconds(int64_t d);
double rt_time_Minutes(int64_t d);
double rt_time_Hours(int64_t d);
RtString rt_time_String(int64_t d);
