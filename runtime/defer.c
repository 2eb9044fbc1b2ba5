// defer.c: defer, panic unwinding and recover, for code generated against rt.h's frame
// records (setjmp/longjmp instead of gc's stack unwinding).
//
// Model. Each function with defer statements links an RtFrame into rt_g.frames at entry
// and sets a jmp_buf in it; its deferred calls are closures kept on the frame, newest
// first. Go's per-goroutine defer list is then the concatenation of the frames' lists,
// newest frame first, which is what every operation below walks.
//   - rt_deferreturn (each return) pops and runs the frame's calls, then unlinks it.
//   - rt_gopanic (panic(v) and run-time errors, gc's gopanic): pushes an RtPanic, then
//     repeatedly takes the newest pending call: a frame with none left is unlinked (its
//     function can never resume); a call already started by an older panic means that
//     panic is overtaken (aborted) and the call is dropped; otherwise the call is marked
//     started, run, and removed. If it recovered the panic, the panic and any aborted
//     ones below it leave the list and the runtime longjmps into the call's frame, whose
//     function then runs its remaining deferred calls (rt_deferreturn on its recovered
//     path) and returns normally. If the frames run out, rt_fatalpanic reports the list.
//   - rt_gorecover implements gc's rule "recover returns the value only when called
//     directly by a deferred function run by the panic": calldefer records its own frame
//     address in the panic before calling the closure, so the callee's saved frame
//     pointer equals it exactly when the callee was called by calldefer. Forwarding
//     wrappers move the mark to their own frame (rt_wrapperenter), as gc's wrapper
//     prologues move panic.argp. This needs frame pointers in every Go function and no
//     tail calls (rt.h's rules); the runtime is compiled with -fno-omit-frame-pointer.
//
// Panic records live in the C frame of rt_gopanic, like gc's: a panic stays listed only
// while that frame is live (a longjmp past it removes the panic first, because a recovery
// that jumps over a running panic's frame is one that ran past its started call, which
// marked it aborted).
//
// Invariants: rt_g.frames is ordered by stack depth (newest = deepest); a deferred call is
// off its frame's list before it finishes (deferreturn) or right after (panic); every
// frame on the list belongs to an active function.
//
// See it: runtime/defer_test.c simulates generated code for the usual patterns.
#include <setjmp.h>
#include <stdlib.h>

#include "rtint.h"

_Static_assert(sizeof(jmp_buf) <= sizeof(((RtFrame *)0)->jb), "RtFrame.jb too small");
_Static_assert(__builtin_offsetof(RtFrame, jb) == 32, "RtFrame.jb offset");
_Static_assert(sizeof(RtFrame) == 240, "RtFrame size");

struct RtDefer {
	RtDefer *link;     // the next older deferred call of the same frame
	RtClosure *fn;     // the call: fn->fn(fn)
	RtPanic *panic;    // the panic that started it, while it runs for one
	bool started;      // a panic has started running it
};

RtG rt_g;

static RtDefer *freelist; // recycled records (malloc'd; they only point at closures)

static RtDefer *
newdefer(void)
{
	RtDefer *d = freelist;
	if (d != NULL) {
		freelist = d->link;
	} else {
		d = malloc(sizeof *d);
		if (d == NULL)
			rt_throw("out of memory");
	}
	d->link = NULL;
	d->fn = NULL;
	d->panic = NULL;
	d->started = false;
	return d;
}

static void
freedefer(RtDefer *d)
{
	d->fn = NULL;
	d->link = freelist;
	freelist = d;
}

// calldefer runs one deferred call. When p is not NULL (the call is run by panic p), its
// own frame address is recorded first: see the file comment. It must keep a frame
// pointer, must not be inlined, and the call must not be a tail call.
static __attribute__((noinline)) void
calldefer(RtClosure *fn, RtPanic *p)
{
	if (p != NULL)
		p->deferfp = __builtin_frame_address(0);
	if (fn == NULL)
		rt_panic_nil();
	((void (*)(RtClosure *))fn->fn)(fn);
	__asm__ volatile("" ::: "memory"); // keeps the call above out of tail position
}

// rt_deferframe links the frame record fr of a function that has defer statements.
void
rt_deferframe(RtFrame *fr)
{
	fr->link = rt_g.frames;
	fr->defers = NULL;
	fr->reserved_ = 0;
	rt_g.frames = fr;
}

// rt_deferproc records the deferred call fn on fr (a defer statement).
void
rt_deferproc(RtFrame *fr, RtClosure *fn)
{
	if (rt_g.frames != fr)
		rt_throw("defer: frame record is not the newest");
	RtDefer *d = newdefer();
	d->fn = fn;
	d->link = fr->defers;
	fr->defers = d;
}

// rt_deferreturn runs fr's pending deferred calls, newest first, and unlinks fr.
void
rt_deferreturn(RtFrame *fr)
{
	if (rt_g.frames != fr)
		rt_throw("deferreturn: frame record is not the newest");
	RtDefer *d;
	while ((d = fr->defers) != NULL) {
		fr->defers = d->link;
		RtClosure *fn = d->fn;
		freedefer(d);
		calldefer(fn, NULL);
	}
	rt_g.frames = fr->link;
}

// rt_gopanic panics with the value (t, data): see the file comment.
_Noreturn void
rt_gopanic(const RtType *t, void *data)
{
	RtPanic p = {.link = rt_g.panic, .arg = {t, data}};
	rt_g.panic = &p;
	for (;;) {
		RtFrame *fr = rt_g.frames;
		if (fr == NULL)
			break;
		RtDefer *d = fr->defers;
		if (d == NULL) {
			rt_g.frames = fr->link;
			continue;
		}
		if (d->started) {
			// An older panic was running this call and we ran past it.
			if (d->panic != NULL)
				d->panic->aborted = true;
			fr->defers = d->link;
			freedefer(d);
			continue;
		}
		d->started = true;
		d->panic = &p;
		calldefer(d->fn, &p);
		if (rt_g.frames != fr || fr->defers != d)
			rt_throw("bad defer entry in panic");
		fr->defers = d->link;
		freedefer(d);
		if (p.recovered) {
			rt_g.panic = p.link;
			while (rt_g.panic != NULL && rt_g.panic->aborted)
				rt_g.panic = rt_g.panic->link;
			if (rt_g.panic == NULL)
				rt_g.sigline = NULL;
			longjmp(*(jmp_buf *)(void *)fr->jb, 1);
		}
	}
	rt_fatalpanic();
}

// rt_gorecover implements recover(): fp is the frame address of the function calling it.
void
rt_gorecover(RtEface *out, void *fp)
{
	RtPanic *p = rt_g.panic;
	if (p != NULL && !p->recovered && p->deferfp != NULL && fp != NULL &&
	    *(void **)fp == p->deferfp) {
		p->recovered = true;
		*out = p->arg;
		return;
	}
	out->type = NULL;
	out->data = NULL;
}

// rt_wrapperenter: a forwarding wrapper with frame address fp starts. If the current
// panic's deferred call is this wrapper, the function it forwards to becomes the one
// "called directly" for recover().
void
rt_wrapperenter(void *fp)
{
	RtPanic *p = rt_g.panic;
	if (p != NULL && p->deferfp != NULL && fp != NULL && *(void **)fp == p->deferfp)
		p->deferfp = fp;
}
