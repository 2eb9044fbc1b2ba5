// main.c: the gosub command. It is the only code that knows the order of the stages:
//
//   1. parse      grammar/   each file -> N_FILE
//   2. check      frontend/  binding, types, constants, init order
//   3. build      ssa/       typed AST -> SSA with GETVAR/SETVAR variables
//   4. escape     escape/    one location per variable; marks allocations, -m lines
//   5. passes     ssa/       mem2reg (phis on dominance frontiers), clean-ups
//   6. codegen    codegen/   LLVM IR, optimisation, object file
//   7. link       cc         object + libgosubrt.a -> executable (package main only)
//
// Diagnostics are flushed at every phase boundary and compilation stops after a phase
// that reported errors (exit 1). Subcommands mirror the go tool:
//   gosub build [-o out] [-m|-m=2] [-l] [-N] [-O0..-O3] [-emit-llvm] [-S] [-e] file.go...
//     (GOSSAFUNC=name also writes the SSA explorer page of that function to ssa.html)
//   gosub run [build flags] file.go [args...]
//   gosub ssa [-func F] [-pass P|all] [-annotate] [-d dom] [-dot cfg|dom|esc] [-html out]
//             [-nomem2reg] file.go|file.ssa
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/base.h"
#include "codegen/codegen.h"
#include "escape/escape.h"
#include "frontend/frontend.h"
#include "grammar/grammar.h"
#include "ssa/ssa.h"

#ifndef GOSUB_RT_PATH
#define GOSUB_RT_PATH "libgosubrt.a"
#endif

typedef struct Options {
	const char *out;   // -o
	int mlevel;        // -m (1) or -m=2 (2)
	bool noinline;     // -l (gosub never inlines yet; accepted for gc compatibility)
	bool noopt;        // -N: no optimisation passes
	int optlevel;      // -O0..-O3; default 2
	bool emit_llvm;    // -emit-llvm: write LLVM IR text instead of an object
	bool emit_asm;     // -S: write assembly
	const char *ssafunc; // ssa -func
	const char *ssapass; // ssa -pass
	bool annotate;     // ssa -annotate: idom/frontier comments
	const char *ssaview; // ssa -d dom: the dominance report
	const char *ssadot;  // ssa -dot cfg|dom|esc: Graphviz instead of text dumps
	const char *ssahtml; // ssa -html out.html (or GOSSAFUNC): the explorer page
	bool nomem2reg;    // -nomem2reg: variables stay in memory for LLVM's mem2reg
	bool check;        // verify SSA after every pass and the LLVM module
	VEC(const char *) files;
} Options;

static noreturn void
usage(void)
{
	fprintf(stderr,
		"usage: gosub build [-o out] [-m|-m=2] [-l] [-N] [-O0..-O3] [-emit-llvm] [-S] "
		"[-e] file.go...\n"
		"       gosub run [build flags] file.go [args...]\n"
		"       gosub ssa [-func name] [-pass name|all] [-annotate] [-d dom] [-dot cfg|dom|esc]\n"
		"                 [-html out.html] [-nomem2reg] file.go|file.ssa\n");
	exit(2);
}

// parse_flags reads flags from argv[*i] on, stopping at the first .go file; returns the
// index of the first non-flag argument.
static int
parse_flags(Options *o, int argc, char **argv, int i)
{
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || strcmp(a, "-") == 0)
			break;
		if (a[1] == '-')
			a++; // accept --flag too
		if (strcmp(a, "-o") == 0 && i + 1 < argc)
			o->out = argv[++i];
		else if (strcmp(a, "-m") == 0)
			o->mlevel = o->mlevel < 1 ? 1 : o->mlevel;
		else if (strncmp(a, "-m=", 3) == 0)
			o->mlevel = atoi(a + 3);
		else if (strcmp(a, "-l") == 0)
			o->noinline = true;
		else if (strcmp(a, "-N") == 0)
			o->noopt = true;
		else if (a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3])
			o->optlevel = a[2] - '0';
		else if (strcmp(a, "-0") == 0)
			; // gc's errorcheck "-0": optimise, our default
		else if (strcmp(a, "-emit-llvm") == 0)
			o->emit_llvm = true;
		else if (strcmp(a, "-S") == 0)
			o->emit_asm = true;
		else if (strcmp(a, "-e") == 0)
			diag_no_limit = true;
		else if (strncmp(a, "-json=", 6) == 0 && esc_set_json(a + 6))
			; // gc's -json=0,DIR: escape/ writes DIR/PKG/FILE.json
		else if (strcmp(a, "-func") == 0 && i + 1 < argc)
			o->ssafunc = argv[++i];
		else if (strcmp(a, "-pass") == 0 && i + 1 < argc)
			o->ssapass = argv[++i];
		else if (strcmp(a, "-annotate") == 0)
			o->annotate = true;
		else if (strcmp(a, "-d") == 0 && i + 1 < argc)
			o->ssaview = argv[++i];
		else if (strcmp(a, "-dot") == 0 && i + 1 < argc)
			o->ssadot = argv[++i];
		else if (strcmp(a, "-html") == 0 && i + 1 < argc)
			o->ssahtml = argv[++i];
		else if (strcmp(a, "-nomem2reg") == 0)
			o->nomem2reg = true;
		else if (strcmp(a, "-check") == 0)
			o->check = true;
		else
			die("unknown flag %s", argv[i]);
	}
	return i;
}

// ---- the phases ----

// run_escape_m2: escape analysis with -m=2 output (for the explorer page's capture).
static void
run_escape_m2(void *prog)
{
	esc_analyze(prog, 2);
}

// compile runs phases 1-5 and returns the SSA program, or NULL after errors.
static Program *
compile(Options *o, const char *dumppass)
{
	// 1. parse
	diag_pass = "parse";
	VEC(Node *) files = {0};
	for (int i = 0; i < o->files.len; i++) {
		size_t len;
		char *text = file_read(o->files.v[i], &len);
		if (!text)
			die("open %s: %s", o->files.v[i], strerror(errno));
		int idx = file_add(o->files.v[i], text, len);
		Node *f = parse_file(idx);
		if (f)
			vec_push(perm, files, f);
	}
	if (diag_stop())
		return NULL;

	// 2. check
	diag_pass = "typecheck";
	tc_set_parser(parse_string);
	Package *pkg = tc_package(files.v, files.len);
	if (diag_stop())
		return NULL;

	// 3. build SSA (variables still GETVAR/SETVAR)
	diag_pass = "ssa build";
	Program *prog = ssa_build(pkg);
	if (diag_stop())
		return NULL;

	// 4. escape analysis, on one location per variable like gc
	diag_pass = "escape";
	SsaHtml *html = o->ssahtml ? ssa_html_new(o->ssafunc) : NULL;
	bool escdot = o->ssadot && strcmp(o->ssadot, "esc") == 0;
	if (html || escdot)
		esc_set_dot(o->ssafunc);
	if (html) {
		// The page's escape panel wants the -m=2 explanations: capture them, and
		// print them too only if -m asked for output.
		const char *esc = ssa_html_capture(run_escape_m2, prog);
		ssa_html_set_escape(html, esc);
		if (o->mlevel > 0)
			fputs(esc, stdout);
	} else {
		esc_analyze(prog, o->mlevel);
	}
	if (diag_stop())
		return NULL;
	if (html)
		ssa_html_set_escape_dot(html, esc_dot());
	if (escdot) {
		// -dot esc: the escape graph instead of the SSA dumps
		if (!esc_dot())
			die("-dot esc: no function %s", o->ssafunc);
		fputs(esc_dot(), stdout);
		dumppass = NULL;
	}

	// 5. SSA passes from mem2reg on
	diag_pass = "ssa passes";
	SsaRunOptions so = {0};
	so.optimize = !o->noopt;
	so.check = o->check;
	so.dump = dumppass;
	so.funcfilter = o->ssafunc;
	so.annotate = o->annotate;
	so.dot = escdot ? NULL : o->ssadot;
	so.view = o->ssaview;
	so.nomem2reg = o->nomem2reg;
	if (html) {
		so.observe = ssa_html_observe;
		so.observe_ctx = html;
	}
	ssa_run_passes_opts(prog, &so);
	if (html && ssa_html_write(html, o->ssahtml) && getenv("GOSSAFUNC"))
		printf("dumped SSA to %s\n", o->ssahtml);
	if (diag_stop())
		return NULL;
	diag_pass = NULL;
	return prog;
}

static bool
is_main_package(Program *p)
{
	return p->pkg && p->pkg->name && strcmp(p->pkg->name->name, "main") == 0;
}

static const char *
runtime_path(void)
{
	const char *rt = getenv("GOSUB_RT");
	return rt && *rt ? rt : GOSUB_RT_PATH;
}

static char *
temp_path(const char *suffix)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	char *tmpl = arena_sprintf(perm, "%s/gosub-XXXXXX%s", dir, suffix);
	int fd = mkstemps(tmpl, (int)strlen(suffix));
	if (fd < 0)
		die("cannot create temporary file in %s: %s", dir, strerror(errno));
	close(fd);
	return tmpl;
}

// run_cmd runs argv and returns its exit status (128+signal when killed).
static int
run_cmd(char **argv)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "gosub: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			die("wait: %s", strerror(errno));
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

// build compiles and, for package main, links. Returns the executable path written
// (NULL when nothing was linked). Exits 1 on compile errors.
static const char *
build(Options *o, bool forrun)
{
	Program *prog = compile(o, NULL);
	if (!prog)
		exit(1);

	// 6. codegen
	diag_pass = "codegen";
	bool link = is_main_package(prog) && !o->emit_llvm && !o->emit_asm;
	CgOptions cg = {0};
	cg.optlevel = o->noopt ? 0 : o->optlevel;
	cg.emit_llvm = o->emit_llvm;
	cg.emit_asm = o->emit_asm;
	cg.verify = true;
	const char *obj;
	if (o->emit_llvm || o->emit_asm)
		obj = o->out ? o->out : (o->emit_llvm ? "out.ll" : "out.s");
	else
		obj = temp_path(".o");
	cg.out = obj;
	if (!cg_program(prog, &cg) || diag_stop()) {
		if (!o->emit_llvm && !o->emit_asm)
			unlink(obj);
		exit(1);
	}
	if (!link) {
		// A non-main package is compiled but not linked, like go tool compile; the
		// object is kept only when -o names it.
		if (!o->emit_llvm && !o->emit_asm) {
			if (o->out && strcmp(o->out, "/dev/null") != 0) {
				if (rename(obj, o->out) != 0)
					die("write %s: %s", o->out, strerror(errno));
			} else {
				unlink(obj);
			}
		}
		return NULL;
	}

	// 7. link
	diag_pass = "link";
	const char *exe = o->out;
	if (forrun || !exe) {
		if (forrun)
			exe = temp_path("");
		else {
			// go build names the executable after the first file
			const char *base = strrchr(o->files.v[0], '/');
			base = base ? base + 1 : o->files.v[0];
			size_t n = strlen(base);
			if (n > 3 && strcmp(base + n - 3, ".go") == 0)
				n -= 3;
			exe = arena_strndup(perm, base, n);
		}
	}
	const char *cc = getenv("CC");
	char *argv[] = {(char *)(cc && *cc ? cc : "cc"), "-o", (char *)exe, (char *)obj,
			(char *)runtime_path(), "-lm", NULL};
	int st = run_cmd(argv);
	unlink(obj);
	if (st != 0)
		die("link failed: %s exited with status %d", argv[0], st);
	return exe;
}

// gossafunc: GOSSAFUNC=name writes the explorer page of that function to ./ssa.html,
// as gc does.
static void
gossafunc(Options *o)
{
	const char *g = getenv("GOSSAFUNC");
	if (g && *g && !o->ssahtml) {
		o->ssafunc = g;
		o->ssahtml = "ssa.html";
	}
}

static int
cmd_build(int argc, char **argv)
{
	Options o = {.optlevel = 2};
#ifdef SSA_CHECK
	o.check = true;
#endif
	int i = parse_flags(&o, argc, argv, 2);
	gossafunc(&o);
	for (; i < argc; i++)
		vec_push(perm, o.files, argv[i]);
	if (o.files.len == 0)
		usage();
	build(&o, false);
	return 0;
}

static int
cmd_run(int argc, char **argv)
{
	Options o = {.optlevel = 2};
#ifdef SSA_CHECK
	o.check = true;
#endif
	int i = parse_flags(&o, argc, argv, 2);
	gossafunc(&o);
	// gosub run takes the .go files, then the program's arguments
	for (; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (n < 3 || strcmp(argv[i] + n - 3, ".go") != 0)
			break;
		vec_push(perm, o.files, argv[i]);
	}
	if (o.files.len == 0)
		usage();
	const char *exe = build(&o, true);
	if (!exe)
		die("cannot run non-main package");
	int nargs = argc - i;
	char **av = NEWARR(perm, char *, nargs + 2);
	av[0] = (char *)exe;
	for (int k = 0; k < nargs; k++)
		av[k + 1] = argv[i + k];
	// gosub run behaves like go run: the program's exit status becomes ours (go run
	// prints "exit status N"; we keep the status itself so tests can compare it).
	char *path = (char *)exe;
	if (!strchr(path, '/'))
		av[0] = arena_sprintf(perm, "./%s", path);
	int st = run_cmd(av);
	unlink(exe);
	if (st >= 128) {
		signal(st - 128, SIG_DFL);
		raise(st - 128);
	}
	return st;
}

static int
cmd_ssa(int argc, char **argv)
{
	Options o = {.optlevel = 2, .check = true};
	int i = parse_flags(&o, argc, argv, 2);
	for (; i < argc; i++)
		vec_push(perm, o.files, argv[i]);
	if (o.files.len == 0)
		usage();
	if (o.ssahtml && !o.ssafunc)
		die("-html needs -func NAME");
	if (o.ssadot && strcmp(o.ssadot, "esc") == 0 && !o.ssafunc)
		die("-dot esc needs -func NAME");
	size_t n0 = strlen(o.files.v[0]);
	if (n0 > 4 && strcmp(o.files.v[0] + n0 - 4, ".ssa") == 0) {
		// Hand-written SSA: read it back and run the one pass -pass names.
		size_t len;
		char *text = file_read(o.files.v[0], &len);
		if (!text)
			die("open %s: %s", o.files.v[0], strerror(errno));
		Program *prog = ssa_read(file_add(o.files.v[0], text, len));
		if (diag_stop() || !prog)
			return 1;
		SsaRunOptions so = {0};
		so.optimize = true;
		so.check = true;
		so.dump = o.ssapass;
		so.funcfilter = o.ssafunc;
		so.annotate = o.annotate;
		so.dot = o.ssadot;
		so.view = o.ssaview;
		so.only = true;
		ssa_run_passes_opts(prog, &so);
		return diag_stop() ? 1 : 0;
	}
	// -d and -html print their own views; a text dump only when -pass asks for one.
	const char *pass = o.ssapass ? o.ssapass
			 : o.ssaview || o.ssahtml ? NULL
			 : o.nomem2reg ? "demote" : "mem2reg";
	if (!compile(&o, pass))
		return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	const char *ab = getenv("GOSUB_ABORT");
	diag_abort_ice = ab && *ab && strcmp(ab, "0") != 0;
	types_init();
	if (argc < 2)
		usage();
	int st;
	if (strcmp(argv[1], "build") == 0)
		st = cmd_build(argc, argv);
	else if (strcmp(argv[1], "run") == 0)
		st = cmd_run(argc, argv);
	else if (strcmp(argv[1], "ssa") == 0)
		st = cmd_ssa(argc, argv);
	else
		usage();
	diag_flush();
	fflush(stdout);
	return st;
}
