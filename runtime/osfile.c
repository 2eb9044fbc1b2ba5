// osfile.c: os.ReadFile, enough for programs to read /proc files (testdata/run/gcreuse.go
// reads its resident set size from /proc/self/statm).
//
// The file is read whole with read(2) into a growing heap byte slice (append's growth), so
// the result's capacity follows Go's rule. A failure returns a nil slice and an error
// whose Error() is Go's PathError text ("open NAME: no such file or directory"); its
// dynamic type is runtime.errorString (gosub has no io/fs).
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "rtint.h"

typedef struct ReadFileResult { // ([]byte, error)
	RtSlice data;
	RtIface err;
} ReadFileResult;

void rt_os_ReadFile(ReadFileResult *out, const uint8_t *name, int64_t n);

static const uint8_t iface_gcdata[] = {3};
static const RtIMethod error_imethods[] = {{"Error", "func() string"}};
static const RtType error_type = {
	.size = 16, .ptrdata = 16, .kind = RT_KIND_INTERFACE, .align = 8,
	.flags = RT_FLAG_NAMED | RT_FLAG_UNCOMMON, .gcdata = iface_gcdata, .name = "error",
	.imethods = error_imethods, .nimethods = 1,
};

static void
set_error(RtIface *err, const char *op, const uint8_t *name, int64_t n, int e)
{
	const char *msg = strerror(e);
	int64_t ol = (int64_t)strlen(op), ml = (int64_t)strlen(msg);
	int64_t len = ol + 1 + n + 2 + ml;
	uint8_t *text = rt_alloc_bytes(len, 1);
	memcpy(text, op, (size_t)ol);
	text[ol] = ' ';
	if (n > 0)
		memcpy(text + ol + 1, name, (size_t)n);
	memcpy(text + ol + 1 + n, ": ", 2);
	memcpy(text + ol + 3 + n, msg, (size_t)ml);
	if (text[ol + 3 + n] >= 'A' && text[ol + 3 + n] <= 'Z') // Go's errno texts are lower case
		text[ol + 3 + n] = (uint8_t)(text[ol + 3 + n] - 'A' + 'a');
	RtString *box = rt_alloc(&rt_type_error_string);
	box->ptr = text;
	box->len = len;
	err->tab = rt_getitab(&error_type, &rt_type_error_string, 0);
	err->data = box;
}

// rt_os_ReadFile is os.ReadFile(name).
void
rt_os_ReadFile(ReadFileResult *out, const uint8_t *name, int64_t n)
{
	static const RtType byte_type = {.size = 1, .kind = RT_KIND_UINT8, .align = 1,
					 .name = "uint8"};
	memset(out, 0, sizeof *out);
	char path[4096];
	if (n >= (int64_t)sizeof path) {
		set_error(&out->err, "open", name, n, ENAMETOOLONG);
		return;
	}
	if (n > 0)
		memcpy(path, name, (size_t)n);
	path[n] = '\0';
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		set_error(&out->err, "open", name, n, errno);
		return;
	}
	RtSlice s = {NULL, 0, 0};
	for (;;) {
		if (s.len == s.cap) {
			RtSlice g;
			rt_growslice(&g, &byte_type, s.ptr, s.len, s.cap, s.len + 512);
			g.len = s.len;
			s = g;
		}
		ssize_t r = read(fd, (uint8_t *)s.ptr + s.len, (size_t)(s.cap - s.len));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			set_error(&out->err, "read", name, n, e);
			return;
		}
		if (r == 0)
			break;
		s.len += r;
	}
	close(fd);
	out->data = s;
}
