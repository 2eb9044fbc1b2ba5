// std_errors.c: the errors package (New, Is, As, Unwrap) and fmt.Errorf, with Go 1.19's
// semantics.
//
// Values: errors.New returns a new *errors.errorString (a pointer to struct{ s string }
// whose method Error returns s), so two calls never compare equal; fmt.Errorf returns an
// *errors.errorString, or a *fmt.wrapError (struct{ msg string; err error }, methods
// Error and Unwrap) when its format has a %w that wrapped an error operand. The runtime
// owns these descriptors (generated code never names the unexported types), with method
// tables, so interface calls, fmt (%v, %#v) and panics see them like any Go type.
//
// Unwrap, Is and As walk the chain err, Unwrap(err), ... by calling the Unwrap() error,
// Is(error) bool and As(any) bool methods found in each dynamic type's method table, and
// compare with ==, exactly as package errors does. As's target is an `any` holding a
// non-nil pointer whose descriptor's elem is the wanted type T: an error whose dynamic
// type is T (or implements T, for an interface T) is stored through the pointer.
// Calling a Go method from C follows rt.h: the receiver is the interface data word and
// the arguments are the method's own (an interface as two words); a bool comes back in
// the low byte of rax, an interface in rax:rdx.
//
// See it: testdata/run/stderrors.go.
#include <string.h>

#include "rtstd.h"

static const uint8_t gc_ptr1[] = {0x01};    // word 0 is a pointer
static const uint8_t gc_wrap[] = {0x0d};    // words 0, 2, 3 (msg.ptr, err.tab, err.data)
static const uint8_t gc_iface[] = {0x03};   // both words

// ---- error ----

static const RtIMethod error_imethods[] = {{"Error", RT_SIG_ERROR}};

const RtType rt_type_error = {
	.size = 16, .ptrdata = 16, .hash = 0x21918751, .kind = RT_KIND_INTERFACE, .align = 8,
	.flags = RT_FLAG_UNCOMMON, .gcdata = gc_iface, .name = "error",
	.imethods = error_imethods, .nimethods = 1,
};

// ---- *errors.errorString ----

typedef struct ErrorString {
	RtString s;
} ErrorString;

static RtString
errorstring_error(ErrorString *e)
{
	return e->s;
}

static const RtField errorstring_fields[] = {{"s", &rt_type_string, 0, 0}};

static const RtType errorstring_type = {
	.size = 16, .ptrdata = 8, .hash = 0xe1cff86f, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_ptr1, .name = "errors.errorString",
	.nfields = 1, .fields = errorstring_fields,
};

static const RtMethod errorstring_methods[] = {
	{"Error", RT_SIG_ERROR, (void (*)(void))errorstring_error,
	 (void (*)(void))errorstring_error},
};

const RtType rt_type_errors_string = {
	.size = 8, .ptrdata = 8, .hash = 0x2ac03657, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1,
	.name = "*errors.errorString", .elem = &errorstring_type,
	.methods = errorstring_methods, .nmethods = 1,
};

// ---- *fmt.wrapError ----

typedef struct WrapError {
	RtString msg;
	RtIface err;
} WrapError;

static RtString
wraperror_error(WrapError *e)
{
	return e->msg;
}

static RtIface
wraperror_unwrap(WrapError *e)
{
	return e->err;
}

static const RtField wraperror_fields[] = {
	{"msg", &rt_type_string, 0, 0},
	{"err", &rt_type_error, 16, 0},
};

static const RtType wraperror_type = {
	.size = 32, .ptrdata = 32, .hash = 0x54d39b50, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_wrap, .name = "fmt.wrapError",
	.nfields = 2, .fields = wraperror_fields,
};

static const RtMethod wraperror_methods[] = {
	{"Error", RT_SIG_ERROR, (void (*)(void))wraperror_error,
	 (void (*)(void))wraperror_error},
	{"Unwrap", RT_SIG_UNWRAP, (void (*)(void))wraperror_unwrap,
	 (void (*)(void))wraperror_unwrap},
};

static const RtType wraperror_ptr_type = {
	.size = 8, .ptrdata = 8, .hash = 0x2b665608, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1,
	.name = "*fmt.wrapError", .elem = &wraperror_type,
	.methods = wraperror_methods, .nmethods = 2,
};

// ---- helpers ----

// rt_error_new sets *out to a new errors.New(msg) value.
void
rt_error_new(RtIface *out, RtString msg)
{
	ErrorString *e = rt_alloc(&errorstring_type);
	e->s = msg;
	out->tab = rt_getitab(&rt_type_error, &rt_type_errors_string, 0);
	out->data = e;
}

// rt_error_from sets *out to the error value holding (t, data); nil when t is NULL.
void
rt_error_from(RtIface *out, const RtType *t, void *data)
{
	out->tab = t != NULL ? rt_getitab(&rt_type_error, t, 0) : NULL;
	out->data = t != NULL ? data : NULL;
}

// rt_error_text returns err.Error() for a non-nil error (tab, data).
RtString
rt_error_text(const RtItab *tab, void *data)
{
	RtString (*fn)(void *) = (RtString(*)(void *))tab->fun[0];
	return fn(data);
}

// rt_panic_str panics with the string value msg (panic("...") in Go code).
_Noreturn void
rt_panic_str(const char *msg)
{
	RtString *box = rt_alloc(&rt_type_string);
	*box = rt_str_cstr(msg);
	rt_panic(&rt_type_string, box);
}

// unwrap sets *out to err.Unwrap() when err's dynamic type t has that method, else nil.
static void
unwrap(RtIface *out, const RtType *t, void *data)
{
	const RtMethod *m = t != NULL ? rt_findmethod(t, "Unwrap", RT_SIG_UNWRAP) : NULL;
	if (m == NULL) {
		out->tab = NULL;
		out->data = NULL;
		return;
	}
	RtIface (*fn)(void *) = (RtIface(*)(void *))m->ifn;
	*out = fn(data);
}

// same_type reports whether two descriptors denote one type: the same descriptor, or
// (a type the runtime describes and generated code describes again) the same name, kind
// and size.
static bool
same_type(const RtType *a, const RtType *b)
{
	if (a == b)
		return true;
	return a != NULL && b != NULL && a->kind == b->kind && a->size == b->size &&
	       strcmp(a->name, b->name) == 0;
}

// ---- the package functions ----

// rt_errors_New implements errors.New(text).
void
rt_errors_New(RtIface *out, const uint8_t *p, int64_t n)
{
	rt_error_new(out, (RtString){p, n});
}

// rt_errors_Unwrap implements errors.Unwrap(err).
void
rt_errors_Unwrap(RtIface *out, const RtItab *tab, void *data)
{
	unwrap(out, tab != NULL ? tab->type : NULL, data);
}

// rt_errors_Is implements errors.Is(err, target): some error in err's chain equals target
// or has an Is(error) bool method that reports true.
int64_t
rt_errors_Is(const RtItab *tab, void *data, const RtItab *ttab, void *tdata)
{
	if (ttab == NULL)
		return tab == NULL;
	bool comparable = rt_type_comparable(ttab->type);
	RtIface err = {tab, data};
	while (err.tab != NULL) {
		if (comparable && rt_ifaceeq(err.tab, err.data, ttab, tdata))
			return 1;
		const RtMethod *m = rt_findmethod(err.tab->type, "Is", "func(error) bool");
		if (m != NULL) {
			uint8_t (*fn)(void *, const RtItab *, void *) =
				(uint8_t(*)(void *, const RtItab *, void *))m->ifn;
			if (fn(err.data, ttab, tdata) & 1)
				return 1;
		}
		RtIface next;
		unwrap(&next, err.tab->type, err.data);
		err = next;
	}
	return 0;
}

// rt_errors_As implements errors.As(err, target): target (type tt, data tp) must be a
// non-nil pointer to an interface type or to a type implementing error; the first error
// in err's chain assignable to *target is stored there (or one whose As(any) bool method
// reports true), and As reports whether there was one. Panics as package errors does.
int64_t
rt_errors_As(const RtItab *tab, void *data, const RtType *tt, void *tp)
{
	if (tt == NULL)
		rt_panic_str("errors: target cannot be nil");
	if (tt->kind != RT_KIND_POINTER || tp == NULL)
		rt_panic_str("errors: target must be a non-nil pointer");
	const RtType *want = tt->elem;
	bool iface = want->kind == RT_KIND_INTERFACE;
	if (!iface && rt_findmethod(want, "Error", RT_SIG_ERROR) == NULL)
		rt_panic_str("errors: *target must be interface or implement error");
	RtIface err = {tab, data};
	while (err.tab != NULL) {
		const RtType *t = err.tab->type;
		if (iface) {
			if (!rt_is_iface_form(want)) {
				RtEface *dst = tp;
				dst->type = t;
				dst->data = err.data;
				return 1;
			}
			const RtItab *m = rt_getitab(want, t, 1);
			if (m != NULL) {
				RtIface *dst = tp;
				dst->tab = m;
				dst->data = err.data;
				return 1;
			}
		} else if (same_type(t, want)) {
			if (t->flags & RT_FLAG_DIRECT)
				*(void **)tp = err.data;
			else
				memmove(tp, err.data, t->size);
			return 1;
		}
		const RtMethod *as = rt_findmethod(t, "As", "func(interface {}) bool");
		if (as != NULL) {
			uint8_t (*fn)(void *, const RtType *, void *) =
				(uint8_t(*)(void *, const RtType *, void *))as->ifn;
			if (fn(err.data, tt, tp) & 1)
				return 1;
		}
		RtIface next;
		unwrap(&next, t, err.data);
		err = next;
	}
	return 0;
}

// rt_fmt_Errorf implements fmt.Errorf(format, args...): the Sprintf text, wrapping the
// operand of a valid %w.
void
rt_fmt_Errorf(RtIface *out, const uint8_t *f, int64_t fn, const RtEface *args, int64_t n,
	      int64_t cap)
{
	RtEface w;
	RtString msg = rt_fmt_errorf_text(f, fn, args, n, &w);
	if (w.type == NULL) {
		rt_error_new(out, msg);
		return;
	}
	WrapError *e = rt_alloc(&wraperror_type);
	e->msg = msg;
	rt_error_from(&e->err, w.type, w.data);
	out->tab = rt_getitab(&rt_type_error, &wraperror_ptr_type, 0);
	out->data = e;
}
