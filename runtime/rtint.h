// rtint.h: declarations shared between the runtime's own files (never included by
// generated code or by codegen/). Every symbol here is rt_-prefixed because the runtime
// exports nothing else; rt.h remains the only ABI.
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt.h"

// The runtime's large statics that never hold heap pointers; roots.c leaves them out of
// the conservative scan of the data segment (each fills out, returns the entry count).
enum { RT_NOSCAN_MAX = 8 };

// ---- output (print.c) ----
// stdout is buffered (fmt.Print*); it is flushed at exit, before any panic message and
// before anything is written to stderr, so the interleaving of the two streams is the
// one an unbuffered Go program produces.
void rt_out_write(const void *p, int64_t n); // append to the stdout buffer
void rt_out_flush(void);                     // write the stdout buffer out
void rt_err_write(const void *p, int64_t n); // flush stdout, then write stderr at once
void rt_err_str(const char *s);              // rt_err_write of a C string
int rt_print_noscan(RtGCRoot *out);          // its buffers (no heap pointers): 2 entries

// ---- heap (alloc.c) ----
void rt_heap_init(void);                     // idempotent; rt_alloc* call it lazily
uint64_t rt_roundupsize(uint64_t size);      // the size class (or page multiple) of size
extern uint8_t rt_zerobase[8];               // the address of every zero-sized object

// ---- panics and signals (panic.c) ----
void rt_signals_init(void);                  // SIGSEGV/SIGBUS/SIGFPE -> Go's panics
_Noreturn void rt_panic_errstr(const char *msg); // panic(runtime error "runtime error: msg")
_Noreturn void rt_throw(const char *msg);    // fatal error: msg (unrecoverable), exit 2
void rt_gc_yield(void);                      // a yield point: run queued finalizers (gc.c)
int rt_panic_noscan(RtGCRoot *out);          // the signal stack: 1 entry

// ---- UTF-8 (strings.c) and Unicode (unicode.c) ----
enum {
	RT_RUNE_ERROR = 0xFFFD, // utf8.RuneError
	RT_MAX_RUNE = 0x10FFFF, // utf8.MaxRune
};
int rt_encoderune(uint8_t *buf, int64_t r); // 1-4 bytes; invalid runes become U+FFFD
int64_t rt_runecount(const uint8_t *p, int64_t n); // utf8.RuneCount
bool rt_isprint(int64_t r);                  // unicode.IsPrint (strconv.IsPrint)

// ---- floats (ftoa.c): strconv.AppendFloat ----
// Writes the formatting of v (a float64, or a float32 when bitsize == 32) with verb
// 'e', 'E', 'f', 'g', 'G', 'b', 'x' or 'X' and precision prec (-1: shortest) to buf,
// NUL-terminated; returns its length. buf must hold rt_ftoa_size(v, prec) bytes.
int rt_ftoa(char *buf, double v, int bitsize, int verb, int prec);
size_t rt_ftoa_size(double v, int prec);

// ---- heap inspection (alloc.c), for tests and the collector ----
// The object containing p: its start and size; 0 when p is not in an allocated object.
int64_t rt_heap_span_of(const void *p, void **base, uint64_t *size);

// ---- the main goroutine's stack (set by rtmain.c; 0 when unknown) ----
extern uintptr_t rt_stack_lo, rt_stack_hi; // [lo, hi); a guard region lies below lo

// ---- Error()/String() methods registered by generated code (rttypes.c) ----
typedef struct RtMethods {
	RtStringMethod error_fn;  // Error() string, or NULL
	RtStringMethod string_fn; // String() string, or NULL
} RtMethods;
const RtMethods *rt_methods_of(const RtType *t); // NULL: none registered

// ---- hashing and comparability (map.c) ----
uint64_t rt_rand64(void);                    // pseudo-random bits (seeds, iteration starts)
uint64_t rt_typehash(const RtType *t, const void *p, uint64_t seed); // panics if unhashable
bool rt_type_comparable(const RtType *t);    // == is defined on t's values

// ---- interfaces (iface.c) ----
bool rt_is_iface_form(const RtType *itype);  // values of interface type itype are RtIface
// The dynamic type (NULL: nil) and data word of the interface value of type itype at p.
void rt_iface_decode(const RtType *itype, const void *p, const RtType **dyn, void **data);
// t's Error() string / String() string methods (method table first, then the registry);
// false when it has neither.
bool rt_string_methods(const RtType *t, RtStringMethod *error_fn, RtStringMethod *string_fn);

// ---- panics in progress and the frame chain (defer.c) ----
typedef struct RtPanic RtPanic;
struct RtPanic {
	RtPanic *link;     // the panic this one interrupted (older), or NULL
	RtEface arg;       // the panic value
	void *deferfp;     // frame address of the runtime routine running this panic's current
			   // deferred call (a wrapper may move it to its own frame)
	bool recovered;    // recover() returned arg
	bool aborted;      // a newer panic ran past the deferred call this one was running
};

typedef struct RtG {   // the state of the (only) goroutine
	RtFrame *frames;   // frame records of active functions, newest first
	RtPanic *panic;    // panics in progress, newest first
	const char *sigline; // "[signal ...]\n" of the fault being reported, or NULL
} RtG;
extern RtG rt_g;

// Panics with value (t, data): runs deferred calls, recovers or reports (never returns).
_Noreturn void rt_gopanic(const RtType *t, void *data);
// Prints the panics of rt_g (oldest first, gc's format) and exits 2 (panic.c).
_Noreturn void rt_fatalpanic(void);
// Panics with a runtime.Error of the given descriptor whose Error() is msg (panic.c).
_Noreturn void rt_panic_errval(const RtType *t, const char *msg);
_Noreturn void rt_panic_plain(const char *msg); // runtime.plainError: msg as is

// runtime.Error descriptors (rttypes.c): string-shaped, with Error and RuntimeError.
extern const RtType rt_type_bounds_error, rt_type_plain_error, rt_type_assert_error;
