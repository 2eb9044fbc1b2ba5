// rttest.h: helpers shared by the runtime's unit tests (not part of the library): run a
// function in a child process and capture its stdout, stderr and exit status, so that
// output and panics (which exit) can be checked.
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct Captured {
	char out[65536]; // stdout, NUL-terminated
	char err[65536]; // stderr, NUL-terminated
	int status;      // exit status, or 128 + signal
} Captured;

static void
drain(int fd, char *buf, size_t cap)
{
	size_t n = 0;
	ssize_t r;
	while ((r = read(fd, buf + n, cap - 1 - n)) > 0)
		n += (size_t)r;
	buf[n] = '\0';
}

// capture runs fn(arg) in a child; the child exits 0 if fn returns.
static void
capture(void (*fn)(void *), void *arg, Captured *c)
{
	int po[2], pe[2];
	if (pipe(po) != 0 || pipe(pe) != 0)
		exit(3);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(pe[0]);
		fn(arg);
		fflush(stdout);
		_exit(0);
	}
	close(po[1]);
	close(pe[1]);
	// Outputs stay below the pipe buffer size in these tests, so reading one then the
	// other cannot deadlock.
	drain(pe[0], c->err, sizeof c->err);
	drain(po[0], c->out, sizeof c->out);
	close(po[0]);
	close(pe[0]);
	int st;
	waitpid(pid, &st, 0);
	c->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
