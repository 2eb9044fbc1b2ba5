// files.c: the file table. Each source file gets an index (from 1) that positions carry;
// only this file turns a Pos into "path:line:col", with the path as given on the command
// line, as gc prints it.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

typedef struct SrcFile {
	const char *path;
	const char *text;
	size_t len;
} SrcFile;

static VEC(SrcFile) files;

// file_add registers a file and returns its index (1-based).
int
file_add(const char *path, const char *text, size_t len)
{
	if (files.len == 0) {
		SrcFile none = {"<unknown>", "", 0};
		vec_push(perm, files, none);
	}
	SrcFile f = {arena_strndup(perm, path, strlen(path)), text, len};
	vec_push(perm, files, f);
	return files.len - 1;
}

const char *
file_path(int file)
{
	if (file <= 0 || file >= files.len)
		return "<unknown>";
	return files.v[file].path;
}

const char *
file_text(int file, size_t *len)
{
	if (file <= 0 || file >= files.len) {
		*len = 0;
		return "";
	}
	*len = files.v[file].len;
	return files.v[file].text;
}

// file_read returns the whole contents of path, NUL-terminated, in the permanent arena;
// NULL with errno set when it cannot be read.
char *
file_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		die("out of memory");
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				die("out of memory");
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	int err = ferror(fp);
	fclose(fp);
	if (err) {
		free(buf);
		errno = EIO;
		return NULL;
	}
	char *p = arena_strndup(perm, buf, n);
	free(buf);
	*len = n;
	return p;
}

int
pos_cmp(Pos a, Pos b)
{
	if (a.file != b.file)
		return a.file < b.file ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	if (a.col != b.col)
		return a.col < b.col ? -1 : 1;
	return 0;
}

// pos_string renders p as gc does: "path:line:col", or "path:line" when the column is
// unknown (0), as after a //line directive that names no column.
const char *
pos_string(Pos p)
{
	if (p.col == 0)
		return arena_sprintf(perm, "%s:%d", file_path(p.file), p.line);
	return arena_sprintf(perm, "%s:%d:%d", file_path(p.file), p.line, p.col);
}
