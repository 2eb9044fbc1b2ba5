// std.c: the standard packages gosub knows, as Go declaration stubs. Each stub is parsed
// with the parser the driver hands over (tc_set_parser) and type-checked as its own
// package on first import; functions declared without a body are OBJF_EXTERN and are
// provided by the runtime under their link names ("fmt.Println", "strings.Repeat").
// Importing any other path reports "could not import X (package X is not in std)".
#include <string.h>

#include "base/base.h"
#include "frontend/frontend.h"
#include "frontend/tcint.h"

typedef struct StdPkg {
	const char *path; // import path
	const char *src;  // Go source of the stub
	Package *pkg;     // checked package, once imported
} StdPkg;

static StdPkg stdpkgs[] = {
	{"fmt",
	 "package fmt\n"
	 "import \"io\"\n"
	 "type Stringer interface { String() string }\n"
	 "func Print(a ...any) (n int, err error)\n"
	 "func Println(a ...any) (n int, err error)\n"
	 "func Printf(format string, a ...any) (n int, err error)\n"
	 "func Sprint(a ...any) string\n"
	 "func Sprintln(a ...any) string\n"
	 "func Sprintf(format string, a ...any) string\n"
	 "func Errorf(format string, a ...any) error\n"
	 "func Fprint(w io.Writer, a ...any) (n int, err error)\n"
	 "func Fprintln(w io.Writer, a ...any) (n int, err error)\n"
	 "func Fprintf(w io.Writer, format string, a ...any) (n int, err error)\n"
	 "type State interface {\n"
	 "\tWrite(b []byte) (n int, err error)\n"
	 "\tWidth() (wid int, ok bool)\n"
	 "\tPrecision() (prec int, ok bool)\n"
	 "\tFlag(c int) bool\n"
	 "}\n"
	 "type Formatter interface { Format(f State, verb rune) }\n",
	 NULL},
	{"io",
	 "package io\n"
	 "type Reader interface { Read(p []byte) (n int, err error) }\n"
	 "type Writer interface { Write(p []byte) (n int, err error) }\n"
	 "type Closer interface { Close() error }\n"
	 "type ReaderAt interface { ReadAt(p []byte, off int64) (n int, err error) }\n"
	 "type ReadWriter interface { Reader; Writer }\n"
	 "type ReadCloser interface { Reader; Closer }\n"
	 "type WriteCloser interface { Writer; Closer }\n"
	 "type ReadWriteCloser interface { Reader; Writer; Closer }\n"
	 "type SectionReader struct { r ReaderAt; base, off, limit int64 }\n"
	 "type StringWriter interface { WriteString(s string) (n int, err error) }\n"
	 "var EOF error\n",
	 NULL},
	{"unicode/utf8",
	 "package utf8\n"
	 "const RuneError = '\\uFFFD'\n"
	 "const RuneSelf = 0x80\n"
	 "const MaxRune = '\\U0010FFFF'\n"
	 "const UTFMax = 4\n"
	 "func RuneLen(r rune) int\n"
	 "func RuneStart(b byte) bool\n"
	 "func ValidRune(r rune) bool\n"
	 "func ValidString(s string) bool\n"
	 "func RuneCountInString(s string) (n int)\n"
	 "func DecodeRuneInString(s string) (rune, int)\n"
	 "func EncodeRune(p []byte, r rune) int\n"
	 "func AppendRune(p []byte, r rune) []byte\n"
	 "func DecodeRune(p []byte) (rune, int)\n"
	 "func DecodeLastRune(p []byte) (rune, int)\n"
	 "func DecodeLastRuneInString(s string) (rune, int)\n"
	 "func RuneCount(p []byte) int\n"
	 "func Valid(p []byte) bool\n"
	 "func FullRune(p []byte) bool\n"
	 "func FullRuneInString(s string) bool\n",
	 NULL},
	{"os",
	 "package os\n"
	 "var Args []string\n"
	 "func Exit(code int)\n"
	 "func Getenv(key string) string\n"
	 "func ReadFile(name string) ([]byte, error)\n"
	 "type File struct { fd int; name string }\n"
	 "func (f *File) Write(b []byte) (n int, err error)\n"
	 "func (f *File) WriteString(s string) (n int, err error)\n"
	 "func (f *File) Name() string\n"
	 "var Stdin, Stdout, Stderr *File\n"
	 "func LookupEnv(key string) (string, bool)\n"
	 "type FileInfo interface { Name() string; Size() int64; IsDir() bool }\n"
	 "func Open(name string) (*File, error)\n",
	 NULL},
	{"strings",
	 "package strings\n"
	 "func Repeat(s string, count int) string\n"
	 "func Index(s, substr string) int\n"
	 "func IndexByte(s string, c byte) int\n"
	 "func LastIndex(s, substr string) int\n"
	 "func Contains(s, substr string) bool\n"
	 "func ContainsRune(s string, r rune) bool\n"
	 "func HasPrefix(s, prefix string) bool\n"
	 "func HasSuffix(s, suffix string) bool\n"
	 "func Split(s, sep string) []string\n"
	 "func Fields(s string) []string\n"
	 "func Join(elems []string, sep string) string\n"
	 "func ToUpper(s string) string\n"
	 "func ToLower(s string) string\n"
	 "func TrimSpace(s string) string\n"
	 "func Trim(s, cutset string) string\n"
	 "func Replace(s, old, new string, n int) string\n"
	 "func ReplaceAll(s, old, new string) string\n"
	 "func Count(s, substr string) int\n"
	 "func EqualFold(s, t string) bool\n"
	 "func Compare(a, b string) int\n"
	 "func IndexRune(s string, r rune) int\n"
	 "func IndexAny(s, chars string) int\n"
	 "func IndexFunc(s string, f func(rune) bool) int\n"
	 "func LastIndexByte(s string, c byte) int\n"
	 "func LastIndexAny(s, chars string) int\n"
	 "func ContainsAny(s, chars string) bool\n"
	 "func SplitN(s, sep string, n int) []string\n"
	 "func SplitAfter(s, sep string) []string\n"
	 "func SplitAfterN(s, sep string, n int) []string\n"
	 "func FieldsFunc(s string, f func(rune) bool) []string\n"
	 "func TrimLeft(s, cutset string) string\n"
	 "func TrimRight(s, cutset string) string\n"
	 "func TrimPrefix(s, prefix string) string\n"
	 "func TrimSuffix(s, suffix string) string\n"
	 "func TrimFunc(s string, f func(rune) bool) string\n"
	 "func TrimLeftFunc(s string, f func(rune) bool) string\n"
	 "func TrimRightFunc(s string, f func(rune) bool) string\n"
	 "func Map(mapping func(rune) rune, s string) string\n"
	 "func Cut(s, sep string) (before, after string, found bool)\n"
	 "type Builder struct {\n"
	 "\taddr *Builder\n"
	 "\tbuf []byte\n"
	 "}\n"
	 "func (b *Builder) String() string\n"
	 "func (b *Builder) Len() int\n"
	 "func (b *Builder) Cap() int\n"
	 "func (b *Builder) Reset()\n"
	 "func (b *Builder) Grow(n int)\n"
	 "func (b *Builder) Write(p []byte) (int, error)\n"
	 "func (b *Builder) WriteByte(c byte) error\n"
	 "func (b *Builder) WriteRune(r rune) (int, error)\n"
	 "func (b *Builder) WriteString(s string) (int, error)\n",
	 NULL},
	{"bytes",
	 "package bytes\n"
	 "func Equal(a, b []byte) bool\n"
	 "func Compare(a, b []byte) int\n"
	 "func Index(s, sep []byte) int\n"
	 "func LastIndex(s, sep []byte) int\n"
	 "func IndexByte(b []byte, c byte) int\n"
	 "func Contains(b, subslice []byte) bool\n"
	 "func HasPrefix(s, prefix []byte) bool\n"
	 "func HasSuffix(s, suffix []byte) bool\n"
	 "func Count(s, sep []byte) int\n",
	 NULL},
	{"strconv",
	 "package strconv\n"
	 "const IntSize = 64\n"
	 "func Itoa(i int) string\n"
	 "func Atoi(s string) (int, error)\n"
	 "func Quote(s string) string\n"
	 "func QuoteRune(r rune) string\n"
	 "func FormatInt(i int64, base int) string\n"
	 "func FormatUint(i uint64, base int) string\n"
	 "func FormatFloat(f float64, fmt byte, prec, bitSize int) string\n"
	 "func FormatBool(b bool) string\n"
	 "func ParseInt(s string, base int, bitSize int) (int64, error)\n"
	 "func ParseUint(s string, base int, bitSize int) (uint64, error)\n"
	 "func ParseFloat(s string, bitSize int) (float64, error)\n"
	 "func ParseBool(str string) (bool, error)\n"
	 "func AppendInt(dst []byte, i int64, base int) []byte\n"
	 "func QuoteToASCII(s string) string\n"
	 "func QuoteRuneToASCII(r rune) string\n"
	 "func IsPrint(r rune) bool\n"
	 "func Unquote(s string) (string, error)\n"
	 "var ErrRange, ErrSyntax error\n"
	 "type NumError struct {\n"
	 "\tFunc string\n"
	 "\tNum string\n"
	 "\tErr error\n"
	 "}\n"
	 "func (e *NumError) Error() string\n"
	 "func (e *NumError) Unwrap() error\n",
	 NULL},
	{"math",
	 "package math\n"
	 "const (\n"
	 "\tE = 2.71828182845904523536028747135266249775724709369995957496696763\n"
	 "\tPi = 3.14159265358979323846264338327950288419716939937510582097494459\n"
	 "\tSqrt2 = 1.41421356237309504880168872420969807856967187537694807317667974\n"
	 "\tLn2 = 0.693147180559945309417232121458176568075500134360255254120680009\n"
	 "\tMaxFloat32 = 0x1p127 * (1 + (1 - 0x1p-23))\n"
	 "\tSmallestNonzeroFloat32 = 0x1p-126 * 0x1p-23\n"
	 "\tMaxFloat64 = 0x1p1023 * (1 + (1 - 0x1p-52))\n"
	 "\tSmallestNonzeroFloat64 = 0x1p-1022 * 0x1p-52\n"
	 "\tMaxInt = 1<<63 - 1\n"
	 "\tMinInt = -1 << 63\n"
	 "\tMaxInt8 = 1<<7 - 1\n"
	 "\tMinInt8 = -1 << 7\n"
	 "\tMaxInt16 = 1<<15 - 1\n"
	 "\tMinInt16 = -1 << 15\n"
	 "\tMaxInt32 = 1<<31 - 1\n"
	 "\tMinInt32 = -1 << 31\n"
	 "\tMaxInt64 = 1<<63 - 1\n"
	 "\tMinInt64 = -1 << 63\n"
	 "\tMaxUint = 1<<64 - 1\n"
	 "\tMaxUint8 = 1<<8 - 1\n"
	 "\tMaxUint16 = 1<<16 - 1\n"
	 "\tMaxUint32 = 1<<32 - 1\n"
	 "\tMaxUint64 = 1<<64 - 1\n"
	 ")\n"
	 "func Sqrt(x float64) float64\n"
	 "func Abs(x float64) float64\n"
	 "func Floor(x float64) float64\n"
	 "func Ceil(x float64) float64\n"
	 "func Trunc(x float64) float64\n"
	 "func Inf(sign int) float64\n"
	 "func NaN() float64\n"
	 "func IsNaN(f float64) (is bool)\n"
	 "func IsInf(f float64, sign int) bool\n"
	 "func Max(x, y float64) float64\n"
	 "func Min(x, y float64) float64\n"
	 "func Pow(x, y float64) float64\n"
	 "func Exp(x float64) float64\n"
	 "func Log(x float64) float64\n"
	 "func Sin(x float64) float64\n"
	 "func Cos(x float64) float64\n"
	 "func Mod(x, y float64) float64\n"
	 "func Signbit(x float64) bool\n"
	 "func Copysign(f, sign float64) float64\n"
	 "func Float64bits(f float64) uint64\n"
	 "func Float64frombits(b uint64) float64\n"
	 "func Float32bits(f float32) uint32\n"
	 "func Float32frombits(b uint32) float32\n",
	 NULL},
	{"errors",
	 "package errors\n"
	 "func New(text string) error\n"
	 "func Is(err, target error) bool\n"
	 "func Unwrap(err error) error\n"
	 "func As(err error, target any) bool\n",
	 NULL},
	{"sort",
	 "package sort\n"
	 "type Interface interface {\n"
	 "\tLen() int\n"
	 "\tLess(i, j int) bool\n"
	 "\tSwap(i, j int)\n"
	 "}\n"
	 "func Sort(data Interface)\n"
	 "func Stable(data Interface)\n"
	 "func IsSorted(data Interface) bool\n"
	 "func Reverse(data Interface) Interface\n"
	 "func Slice(x any, less func(i, j int) bool)\n"
	 "func SliceStable(x any, less func(i, j int) bool)\n"
	 "func SliceIsSorted(x any, less func(i, j int) bool) bool\n"
	 "func Ints(x []int)\n"
	 "func Strings(x []string)\n"
	 "func Float64s(x []float64)\n"
	 "func IntsAreSorted(x []int) bool\n"
	 "func StringsAreSorted(x []string) bool\n"
	 "func Float64sAreSorted(x []float64) bool\n"
	 "func Search(n int, f func(int) bool) int\n"
	 "func SearchInts(a []int, x int) int\n"
	 "func SearchStrings(a []string, x string) int\n"
	 "func SearchFloat64s(a []float64, x float64) int\n"
	 "type IntSlice []int\n"
	 "func (x IntSlice) Len() int\n"
	 "func (x IntSlice) Less(i, j int) bool\n"
	 "func (x IntSlice) Swap(i, j int)\n"
	 "type StringSlice []string\n"
	 "func (x StringSlice) Len() int\n"
	 "func (x StringSlice) Less(i, j int) bool\n"
	 "func (x StringSlice) Swap(i, j int)\n"
	 "type Float64Slice []float64\n"
	 "func (x Float64Slice) Len() int\n"
	 "func (x Float64Slice) Less(i, j int) bool\n"
	 "func (x Float64Slice) Swap(i, j int)\n",
	 NULL},
	{"runtime",
	 "package runtime\n"
	 "const GOOS = \"linux\"\n"
	 "const GOARCH = \"amd64\"\n"
	 "const Compiler = \"gc\"\n"
	 "type Error interface { error; RuntimeError() }\n"
	 "func NumCPU() int\n"
	 "func Goexit()\n"
	 "func Breakpoint()\n"
	 "func Caller(skip int) (pc uintptr, file string, line int, ok bool)\n"
	 "func Stack(buf []byte, all bool) int\n"
	 "type MemStats struct {\n"
	 "\tAlloc, TotalAlloc, Sys, Lookups, Mallocs, Frees uint64\n"
	 "\tHeapAlloc, HeapSys, HeapIdle, HeapInuse, HeapReleased, HeapObjects uint64\n"
	 "\tStackInuse, StackSys, MSpanInuse, MSpanSys, MCacheInuse, MCacheSys uint64\n"
	 "\tBuckHashSys, GCSys, OtherSys, NextGC, LastGC, PauseTotalNs uint64\n"
	 "\tPauseNs [256]uint64\n"
	 "\tPauseEnd [256]uint64\n"
	 "\tNumGC, NumForcedGC uint32\n"
	 "\tGCCPUFraction float64\n"
	 "\tEnableGC, DebugGC bool\n"
	 "\tBySize [61]struct {\n"
	 "\t\tSize uint32\n"
	 "\t\tMallocs, Frees uint64\n"
	 "\t}\n"
	 "}\n"
	 "func GC()\n"
	 "func Gosched()\n"
	 "func KeepAlive(x any)\n"
	 "func GOMAXPROCS(n int) int\n"
	 "func NumGoroutine() int\n"
	 "func ReadMemStats(m *MemStats)\n"
	 "func SetFinalizer(obj any, finalizer any)\n",
	 NULL},
	{"time",
	 "package time\n"
	 "type Duration int64\n"
	 "const (\n"
	 "\tNanosecond Duration = 1\n"
	 "\tMicrosecond = 1000 * Nanosecond\n"
	 "\tMillisecond = 1000 * Microsecond\n"
	 "\tSecond = 1000 * Millisecond\n"
	 "\tMinute = 60 * Second\n"
	 "\tHour = 60 * Minute\n"
	 ")\n"
	 "type Time struct { wall, mono int64 }\n"
	 "func Now() Time\n"
	 "func Since(t Time) Duration\n"
	 "func Until(t Time) Duration\n"
	 "func Sleep(d Duration)\n"
	 "func (t Time) Sub(u Time) Duration\n"
	 "func (t Time) Unix() int64\n"
	 "func (t Time) UnixNano() int64\n"
	 "func (d Duration) Nanoseconds() int64\n"
	 "func (d Duration) Microseconds() int64\n"
	 "func (d Duration) Milliseconds() int64\n"
	 "func (d Duration) Seconds() float64\n"
	 "func (d Duration) Minutes() float64\n"
	 "func (d Duration) Hours() float64\n"
	 "func (d Duration) String() string\n",
	 NULL},
	{"runtime/debug",
	 "package debug\n"
	 "func FreeOSMemory()\n"
	 "func Stack() []byte\n"
	 "func SetMaxStack(bytes int) int\n"
	 "func SetGCPercent(percent int) int\n",
	 NULL},
};

static Node *(*parser)(const char *name, const char *src);

// tc_set_parser installs the parser used for std stubs.
void
tc_set_parser(Node *(*parse_string)(const char *name, const char *src))
{
	parser = parse_string;
}

// std_package_known reports whether path is a std package gosub provides.
bool
std_package_known(const char *path)
{
	for (size_t i = 0; i < ARRAY_LEN(stdpkgs); i++)
		if (strcmp(stdpkgs[i].path, path) == 0)
			return true;
	return strcmp(path, "unsafe") == 0;
}

// std_source returns the stub source of a std package, or NULL.
const char *
std_source(const char *path)
{
	for (size_t i = 0; i < ARRAY_LEN(stdpkgs); i++)
		if (strcmp(stdpkgs[i].path, path) == 0)
			return stdpkgs[i].src;
	return NULL;
}

// std_import returns the checked std package at path (parsing and checking its stub on
// first use), or NULL when gosub does not provide it.
Package *
std_import(const char *path)
{
	for (size_t i = 0; i < ARRAY_LEN(stdpkgs); i++) {
		StdPkg *p = &stdpkgs[i];
		if (strcmp(p->path, path) != 0)
			continue;
		if (p->pkg)
			return p->pkg;
		if (!parser)
			return NULL;
		Node *f = parser(arena_sprintf(perm, "$GOROOT/src/%s/stub.go", path), p->src);
		if (!f)
			return NULL;
		p->pkg = tc_package(&f, 1);
		p->pkg->path = p->path;
		return p->pkg;
	}
	return NULL;
}
