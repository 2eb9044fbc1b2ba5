// std_os.c: the os and io subset gosub provides (Getenv, LookupEnv, Stdin/Stdout/Stderr
// as *os.File with Write and WriteString, io.EOF) and fmt.Fprint, Fprintln and Fprintf.
//
// *os.File is struct{ fd int; name string }; the three standard files are made on first
// use (codegen fills a std package variable by calling rt_<pkg>_var_<Name>). Writes to
// fd 1 go through the runtime's stdout buffer and writes to fd 2 flush it first
// (print.c), so output interleaves as in an unbuffered Go program.
//
// fmt.Fprint* format with the Sprint family and hand the bytes to the writer: directly
// for an *os.File, else through the io.Writer's Write method (itab fun[0]), whose
// results are ignored, so n is the length formatted and err nil.
//
// File's methods in its method table must return (int, error) the way generated code
// expects a Go function to: in rax, rdx and rcx (LLVM returns a three-word aggregate in
// registers), which C cannot express; assembly trampolines (RT_RET3_TRAMPOLINE) call the
// C bodies with an out-pointer and load the three words into those registers.
//
// See it: testdata/run/stdos.go.
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rtstd.h"

static const uint8_t gc_file[] = {0x02}; // word 1 (name.ptr)
static const uint8_t gc_ptr1[] = {0x01};

// ---- writing ----

static void
write_fd(int64_t fd, const void *p, int64_t n)
{
	if (fd == 1) {
		rt_out_write(p, n);
	} else if (fd == 2) {
		rt_err_write(p, n);
	} else {
		const uint8_t *b = p;
		while (n > 0) {
			ssize_t w = write((int)fd, b, (size_t)n);
			if (w <= 0)
				break;
			b += w;
			n -= w;
		}
	}
}

static void
file_write(RtIntErr *out, RtFile *f, const uint8_t *p, int64_t n)
{
	if (f == NULL) {
		out->v = 0;
		rt_error_new(&out->err, rt_str_cstr("invalid argument"));
		return;
	}
	write_fd(f->fd, p, n);
	out->v = n;
	out->err.tab = NULL;
	out->err.data = NULL;
}

// rt_os_Write implements (*os.File).Write(b) (a static call of the method).
void
rt_os_Write(RtIntErr *out, RtFile *f, const uint8_t *p, int64_t len, int64_t cap)
{
	file_write(out, f, p, len);
}

// rt_os_WriteString implements (*os.File).WriteString(s).
void
rt_os_WriteString(RtIntErr *out, RtFile *f, const uint8_t *p, int64_t len)
{
	file_write(out, f, p, len);
}

// The method-table entries (RT_RET3_TRAMPOLINE: (int, error) in rax, rdx, rcx).
void rt_os_file_write_ifn(void);
void rt_os_file_writestring_ifn(void);
RT_RET3_TRAMPOLINE(rt_os_file_write_ifn, rt_os_Write)
RT_RET3_TRAMPOLINE(rt_os_file_writestring_ifn, rt_os_WriteString)

// ---- descriptors ----

static const RtField file_fields[] = {
	{"fd", &rt_type_int, 0, 0},
	{"name", &rt_type_string, 8, 0},
};

// Linked under codegen's descriptor name, overriding its weak copy (cgtype.c).
extern const RtType file_type __asm__("\"type:os.File\"");
const RtType file_type = {
	.size = 24, .ptrdata = 16, .hash = 0x54d11b35, .kind = RT_KIND_STRUCT, .align = 8,
	.flags = RT_FLAG_NAMED, .gcdata = gc_file, .name = "os.File",
	.nfields = 2, .fields = file_fields,
};

static const RtMethod file_methods[] = {
	{"Write", "func([]uint8) (int, error)", rt_os_file_write_ifn, NULL},
	{"WriteString", "func(string) (int, error)", rt_os_file_writestring_ifn, NULL},
};

// Linked under codegen's descriptor name, overriding its weak copy (cgtype.c).
extern const RtType file_ptr_type __asm__("\"type:*os.File\"");
const RtType file_ptr_type = {
	.size = 8, .ptrdata = 8, .hash = 0x1df15f9d, .kind = RT_KIND_POINTER, .align = 8,
	.flags = RT_FLAG_DIRECT | RT_FLAG_UNCOMMON, .gcdata = gc_ptr1, .name = "*os.File",
	.elem = &file_type, .methods = file_methods, .nmethods = 2,
};

static RtFile *std_files[3]; // Stdin, Stdout, Stderr once made (runtime data: scanned)

static RtFile *
std_file(int fd)
{
	static const char *const names[] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};
	if (std_files[fd] == NULL) {
		RtFile *f = rt_alloc(&file_type);
		f->fd = fd;
		f->name = rt_str_cstr(names[fd]);
		std_files[fd] = f;
	}
	return std_files[fd];
}

// rt_os_var_Stdin fills os.Stdin.
void
rt_os_var_Stdin(RtFile **g)
{
	*g = std_file(0);
}

// rt_os_var_Stdout fills os.Stdout.
void
rt_os_var_Stdout(RtFile **g)
{
	*g = std_file(1);
}

// rt_os_var_Stderr fills os.Stderr.
void
rt_os_var_Stderr(RtFile **g)
{
	*g = std_file(2);
}

// rt_os_Name implements (*os.File).Name().
RtString
rt_os_Name(RtFile *f)
{
	if (f == NULL)
		rt_panic_nil();
	return f->name;
}

// ---- environment ----

// rt_os_Getenv implements os.Getenv(key).
RtString
rt_os_Getenv(const uint8_t *p, int64_t n)
{
	char stackbuf[256];
	char *key = n < (int64_t)sizeof stackbuf ? stackbuf : malloc((size_t)n + 1);
	if (key == NULL)
		rt_throw("out of memory");
	memcpy(key, p, (size_t)n);
	key[n] = 0;
	const char *v = memchr(p, 0, (size_t)n) ? NULL : getenv(key);
	if (key != stackbuf)
		free(key);
	return v ? rt_str_cstr(v) : (RtString){NULL, 0};
}

// rt_os_LookupEnv implements os.LookupEnv(key).
void
rt_os_LookupEnv(RtStringOk *out, const uint8_t *p, int64_t n)
{
	char stackbuf[256];
	char *key = n < (int64_t)sizeof stackbuf ? stackbuf : malloc((size_t)n + 1);
	if (key == NULL)
		rt_throw("out of memory");
	memcpy(key, p, (size_t)n);
	key[n] = 0;
	const char *v = memchr(p, 0, (size_t)n) ? NULL : getenv(key);
	if (key != stackbuf)
		free(key);
	out->v = v ? rt_str_cstr(v) : (RtString){NULL, 0};
	out->ok = v != NULL;
}

// ---- io ----

static RtIface io_eof; // io.EOF once made (runtime data: scanned)

// rt_io_var_EOF fills io.EOF.
void
rt_io_var_EOF(RtIface *g)
{
	if (io_eof.tab == NULL)
		rt_error_new(&io_eof, rt_str_cstr("EOF"));
	*g = io_eof;
}

// ---- fmt.Fprint* ----

static void
fprint(RtIntErr *out, const RtItab *tab, void *data, RtString s)
{
	out->v = s.len;
	out->err.tab = NULL;
	out->err.data = NULL;
	if (tab == NULL)
		rt_panic_nil();
	if (tab->type == &file_ptr_type) {
		file_write(out, data, s.ptr, s.len);
		return;
	}
	RtSlice b;
	rt_str2bytes(&b, s.ptr, s.len);
	void (*fn)(void *, void *, int64_t, int64_t) =
		(void (*)(void *, void *, int64_t, int64_t))tab->fun[0];
	fn(data, b.ptr, b.len, b.cap);
}

// rt_fmt_Fprint implements fmt.Fprint(w, args...).
void
rt_fmt_Fprint(RtIntErr *out, const RtItab *tab, void *data, const RtEface *args, int64_t n,
	      int64_t cap)
{
	fprint(out, tab, data, rt_fmt_sprint(args, n));
}

// rt_fmt_Fprintln implements fmt.Fprintln(w, args...).
void
rt_fmt_Fprintln(RtIntErr *out, const RtItab *tab, void *data, const RtEface *args,
		int64_t n, int64_t cap)
{
	fprint(out, tab, data, rt_fmt_sprintln(args, n));
}

// rt_fmt_Fprintf implements fmt.Fprintf(w, format, args...).
void
rt_fmt_Fprintf(RtIntErr *out, const RtItab *tab, void *data, const uint8_t *f, int64_t fn,
	       const RtEface *args, int64_t n, int64_t cap)
{
	fprint(out, tab, data, rt_fmt_sprintf(f, fn, args, n));
}
