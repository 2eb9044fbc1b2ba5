// cgopt.c: the back half of codegen: inlining limits, the -O pass pipelines, and object
// output split over several processes.
//
// Inlining limits. LLVM inlines an internal function with a single call site whatever
// its size (a 15000-point "last call to static" bonus). A Go main that calls a thousand
// functions once each then becomes one function of 60,000 instructions, and the
// function passes (SLP vectoriser, instcombine, indvars) and instruction selection are
// superlinear in function size: bench/compile_speed.sh took 70 s at -O2. gc inlines
// only functions under a budget of 80 nodes, so we do the same with LLVM instructions:
// a function with more than INLINE_BUDGET instructions (cold panic blocks not counted)
// is noinline; LLVM's own cost model still decides for the rest. Calls inside a function
// that is already huge (HUGE_CALLER) are noinline unless the callee is tiny, bounding
// the growth of generated giants such as a main.init filling big tables.
//
// Pipelines. LLVM's default<O2> spent 5.5 s on bench/gen.py's 20,000-line program and
// default<O1> 4 s, against 2.5 s for all of go build, so -O1/-O2 run our own shorter
// list (EARLY and LATE_O1/LATE_O2 below; measured on that program: 2.6 s of passes for
// LATE_O2, whose code runs faster than default<O2>'s on loops because loop rotation
// and indvars remove the bounds checks of counted loops) and code generation without
// loop strength reduction (a quarter of its time, a few percent of run time) or the
// machine scheduler (quadratic in block size). -O3 is LLVM's default<O3> with both.
//
// Parallel object output. The LATE passes, instruction selection and register
// allocation are most of the time and independent per function, so after EARLY the
// defined functions are cut into contiguous runs of about equal size (instruction
// counts, module order), one per PART_MIN instructions but at most NPARTS_MAX and at
// most one per online processor (so the object's layout, never its behaviour, depends
// on the machine; GOSUB_JOBS fixes the count). Each
// part is compiled by its own process (fork: the module is shared copy-on-write), which
// deletes the bodies of the other parts' functions and the definitions of every global
// that part 0 owns, runs LATE and writes its own object; `ld -r` joins the objects. Before the fork,
// every internal function and every global whose address matters becomes a hidden
// external symbol so the parts link to each other; unnamed_addr constants (strings,
// constant tables whose address is not observable) are instead duplicated into every
// part that uses them, so loads from them still fold.
//
// Invariants: the object has the same symbols and code with any number of parts, apart
// from internal symbols becoming hidden globals; part 0 defines every global variable.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <llvm-c/Core.h>
#include <llvm-c/Support.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "base/base.h"
#include "codegen/cgopt.h"
#include "codegen/codegen.h"

enum {
	INLINE_BUDGET = 80,   // instructions: bigger functions are noinline (gc's budget is 80 nodes)
	HUGE_CALLER = 3000,   // instructions: calls in bigger functions are noinline...
	TINY_CALLEE = 12,     // ...unless the callee has at most this many
	PART_MIN = 6000,      // instructions: smallest part worth a process of its own
	NPARTS_MAX = 4,       // most parts (processes) for one object
};

// ---- sizes ----

// hot_size counts the instructions of fn outside blocks that end in unreachable (the
// cold panic paths, which LLVM merges and never executes normally).
static int
hot_size(LLVMValueRef fn)
{
	int n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
		if (term && LLVMGetInstructionOpcode(term) == LLVMUnreachable)
			continue;
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			n++;
	}
	return n;
}

static int
all_size(LLVMValueRef fn)
{
	int n = 0;
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			n++;
	return n;
}

static LLVMAttributeRef
enum_attr(Cg *c, const char *name)
{
	unsigned k = LLVMGetEnumAttributeKindForName(name, strlen(name));
	return LLVMCreateEnumAttribute(c->ctx, k, 0);
}

// ---- inlining limits ----

// cg_limit_inlining: see the header comment.
void
cg_limit_inlining(Cg *c)
{
	int n = 0;
	for (LLVMValueRef fn = LLVMGetFirstFunction(c->mod); fn; fn = LLVMGetNextFunction(fn))
		n++;
	LLVMValueRef *fns = NEWARR(c->arena, LLVMValueRef, n + 1);
	int *size = NEWARR(c->arena, int, n + 1);
	n = 0;
	for (LLVMValueRef fn = LLVMGetFirstFunction(c->mod); fn; fn = LLVMGetNextFunction(fn)) {
		fns[n] = fn;
		size[n] = LLVMIsDeclaration(fn) ? -1 : hot_size(fn);
		if (size[n] > INLINE_BUDGET)
			LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
						enum_attr(c, "noinline"));
		n++;
	}
	for (int k = 0; k < n; k++) {
		if (size[k] <= HUGE_CALLER)
			continue;
		for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fns[k]); bb;
		     bb = LLVMGetNextBasicBlock(bb)) {
			for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
			     i = LLVMGetNextInstruction(i)) {
				if (!LLVMIsACallInst(i))
					continue;
				LLVMValueRef callee = LLVMGetCalledValue(i);
				if (!LLVMIsAFunction(callee) || LLVMIsDeclaration(callee))
					continue;
				if (hot_size(callee) <= TINY_CALLEE)
					continue;
				LLVMAddCallSiteAttribute(i, LLVMAttributeFunctionIndex,
							 enum_attr(c, "noinline"));
			}
		}
	}
}

// ---- pipelines ----

// Pass pipeline texts. EARLY runs on the whole module: interprocedural constant
// propagation (it turns the lengths of slices every caller passes alike into
// constants), then inlining. LATE is per function, so each part of a split object runs
// it for its own functions at the same time as the others (cg_write_object). -O2's LATE
// adds loop rotation and induction-variable simplification to -O1's: they remove most
// bounds checks in counted loops (srem -> urem on a non-negative induction variable).
#define IC "instcombine<no-verify-fixpoint>"
#define SCFG "simplifycfg<switch-range-to-icmp;keep-loops>"
static const char EARLY[] = "ipsccp,globalopt,function(sroa,early-cse," SCFG "),cgscc(inline),"
			    "globaldce";
static const char LATE_O1[] = "function(sroa,early-cse<memssa>," SCFG "," IC ",loop-mssa(licm),"
			      "gvn,sccp,adce," SCFG ")";
static const char LATE_O2[] = "function(sroa,early-cse<memssa>," SCFG "," IC ",loop-mssa(loop-"
			      "rotate,licm)," SCFG "," IC ",loop(indvars,loop-deletion),gvn,sccp,"
			      IC ",adce," SCFG ")";

// llvm_args hands LLVM's option parser, once per process, below -O3: -disable-lsr (loop
// strength reduction is a quarter of code generation time and gains a few percent at
// run time) and -enable-misched=false (the machine scheduler is quadratic in the size
// of a block: 9 s of cmplxdivide.go's 10 for its 70,000-instruction main.init, and no
// measurable run time on an out-of-order x86); then the words of GOSUB_LLVM_ARGS (for
// experiments).
static void
llvm_args(Cg *c, int optlevel)
{
	static bool done;
	if (done)
		return;
	done = true;
	VEC(const char *) argv = {0};
	vec_push(c->arena, argv, "gosub");
	if (optlevel < 3) {
		vec_push(c->arena, argv, "-disable-lsr");
		vec_push(c->arena, argv, "-enable-misched=false");
	}
	const char *env = getenv("GOSUB_LLVM_ARGS");
	if (env && *env) {
		char *s = arena_strndup(c->arena, env, strlen(env));
		for (char *w = strtok(s, " "); w; w = strtok(NULL, " "))
			vec_push(c->arena, argv, w);
	}
	LLVMParseCommandLineOptions(argv.len, argv.v, NULL);
}

static bool
run_pipeline(Cg *c, const char *text)
{
	LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
	LLVMErrorRef err = LLVMRunPasses(c->mod, text, c->tm, po);
	LLVMDisposePassBuilderOptions(po);
	if (err) {
		char *m = LLVMGetErrorMessage(err);
		fprintf(stderr, "gosub: LLVM passes: %s\n", m);
		LLVMDisposeErrorMessage(m);
		return false;
	}
	return true;
}

static const char *
late_pipeline(int optlevel)
{
	const char *env = getenv("GOSUB_PIPELINE");
	if (optlevel <= 0 || optlevel >= 3 || (env && *env))
		return NULL;
	return optlevel == 1 ? LATE_O1 : LATE_O2;
}

// cg_optimize: see the header comment.
bool
cg_optimize(Cg *c, int optlevel, bool whole)
{
	llvm_args(c, optlevel);
	if (optlevel <= 0)
		return true;
	const char *text = optlevel >= 3 ? "default<O3>" : EARLY;
	const char *env = getenv("GOSUB_PIPELINE");
	if (env && *env)
		text = env;
	if (!run_pipeline(c, text))
		return false;
	const char *late = late_pipeline(optlevel);
	return !whole || !late || run_pipeline(c, late);
}

// ---- parallel object output ----

static bool
local_linkage(LLVMValueRef g)
{
	LLVMLinkage l = LLVMGetLinkage(g);
	return l == LLVMInternalLinkage || l == LLVMPrivateLinkage;
}

// duplicable: a constant whose address nobody can observe, copied into every part.
static bool
duplicable(LLVMValueRef g)
{
	return local_linkage(g) && LLVMIsGlobalConstant(g) &&
	       LLVMGetUnnamedAddress(g) == LLVMGlobalUnnamedAddr;
}

// externalize turns a module-local symbol into a hidden global one the parts share.
static void
externalize(Cg *c, LLVMValueRef g, int *nanon)
{
	if (!local_linkage(g))
		return;
	size_t len;
	LLVMGetValueName2(g, &len);
	if (len == 0) {
		const char *name = arena_sprintf(c->arena, "gosub.anon.%d", (*nanon)++);
		LLVMSetValueName2(g, name, strlen(name));
	}
	LLVMSetLinkage(g, LLVMExternalLinkage);
	LLVMSetVisibility(g, LLVMHiddenVisibility);
}

// strip_body turns a defined function into a declaration: uses of its instructions go
// first, then the instructions (and their uses of blocks), then the empty blocks.
static void
strip_body(LLVMValueRef fn)
{
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
		for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			if (LLVMGetTypeKind(LLVMTypeOf(i)) != LLVMVoidTypeKind)
				LLVMReplaceAllUsesWith(i, LLVMGetPoison(LLVMTypeOf(i)));
	for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
		LLVMValueRef i = LLVMGetFirstInstruction(bb);
		while (i) {
			LLVMValueRef next = LLVMGetNextInstruction(i);
			LLVMInstructionEraseFromParent(i);
			i = next;
		}
	}
	LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn);
	while (bb) {
		LLVMBasicBlockRef next = LLVMGetNextBasicBlock(bb);
		LLVMDeleteBasicBlock(bb);
		bb = next;
	}
	LLVMSetLinkage(fn, LLVMExternalLinkage);
	LLVMSetVisibility(fn, LLVMHiddenVisibility);
}

// declare_only replaces global g by an external declaration of the same name and type.
static void
declare_only(Cg *c, LLVMValueRef g)
{
	size_t len;
	const char *name = LLVMGetValueName2(g, &len);
	char *keep = arena_strndup(c->arena, name, len);
	LLVMSetValueName2(g, "", 0);
	LLVMValueRef d = LLVMAddGlobalInAddressSpace(c->mod, LLVMGlobalGetValueType(g), keep,
						     LLVMGetPointerAddressSpace(LLVMTypeOf(g)));
	LLVMSetGlobalConstant(d, LLVMIsGlobalConstant(g));
	LLVMSetAlignment(d, LLVMGetAlignment(g));
	LLVMSetVisibility(d, LLVMGetVisibility(g));
	LLVMReplaceAllUsesWith(g, d);
	LLVMDeleteGlobal(g);
}

// keep_part reduces the module to part `part`: the functions assigned to it, every
// global variable when part is 0, and the duplicable constants its code uses.
static void
keep_part(Cg *c, LLVMValueRef *fns, int *owner, int nfns, int part)
{
	for (int i = 0; i < nfns; i++)
		if (owner[i] != part)
			strip_body(fns[i]);
	if (part != 0) {
		LLVMValueRef g = LLVMGetFirstGlobal(c->mod);
		while (g) {
			LLVMValueRef next = LLVMGetNextGlobal(g);
			if (!LLVMIsDeclaration(g) && !duplicable(g))
				declare_only(c, g);
			g = next;
		}
	}
	// drop constants nothing uses any more (a constant may use another: repeat)
	for (bool changed = true; changed;) {
		changed = false;
		LLVMValueRef g = LLVMGetFirstGlobal(c->mod);
		while (g) {
			LLVMValueRef next = LLVMGetNextGlobal(g);
			if (duplicable(g) && !LLVMGetFirstUse(g)) {
				LLVMDeleteGlobal(g);
				changed = true;
			}
			g = next;
		}
	}
}

static bool
emit_file(Cg *c, const char *out, int optlevel)
{
	const char *late = late_pipeline(optlevel);
	if (late && !run_pipeline(c, late))
		return false;
	char *err = NULL;
	if (LLVMTargetMachineEmitToFile(c->tm, c->mod, (char *)out, LLVMObjectFile, &err)) {
		fprintf(stderr, "gosub: write %s: %s\n", out, err ? err : "?");
		LLVMDisposeMessage(err);
		return false;
	}
	return true;
}

static int
run_wait(char **argv)
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "gosub: exec %s failed\n", argv[0]);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

// cg_write_object: see the header comment.
bool
cg_write_object(Cg *c, const char *out, int optlevel)
{
	int nfns = 0;
	for (LLVMValueRef fn = LLVMGetFirstFunction(c->mod); fn; fn = LLVMGetNextFunction(fn))
		if (!LLVMIsDeclaration(fn))
			nfns++;
	LLVMValueRef *fns = NEWARR(c->arena, LLVMValueRef, nfns + 1);
	int *weight = NEWARR(c->arena, int, nfns + 1);
	int *owner = NEWARR(c->arena, int, nfns + 1);
	long total = 0;
	nfns = 0;
	for (LLVMValueRef fn = LLVMGetFirstFunction(c->mod); fn; fn = LLVMGetNextFunction(fn)) {
		if (LLVMIsDeclaration(fn))
			continue;
		fns[nfns] = fn;
		weight[nfns] = all_size(fn);
		total += weight[nfns];
		nfns++;
	}
	long nparts = total / PART_MIN;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	if (nparts > NPARTS_MAX)
		nparts = NPARTS_MAX;
	if (ncpu >= 1 && nparts > ncpu)
		nparts = ncpu; // more parts than processors only add work
	const char *jobs = getenv("GOSUB_JOBS");
	if (jobs && *jobs && atoi(jobs) >= 1)
		nparts = atoi(jobs) < nfns ? atoi(jobs) : nfns;
	if (nparts <= 1)
		return emit_file(c, out, optlevel);

	// contiguous runs of about total/nparts instructions each
	long acc = 0;
	for (int i = 0; i < nfns; i++) {
		owner[i] = (int)(acc * nparts / total);
		acc += weight[i];
	}
	int nanon = 0;
	for (int i = 0; i < nfns; i++)
		externalize(c, fns[i], &nanon);
	for (LLVMValueRef g = LLVMGetFirstGlobal(c->mod); g; g = LLVMGetNextGlobal(g))
		if (!LLVMIsDeclaration(g) && !duplicable(g))
			externalize(c, g, &nanon);

	char **parts = NEWARR(c->arena, char *, nparts + 1);
	for (int k = 0; k < nparts; k++)
		parts[k] = arena_sprintf(c->arena, "%s.part%d.o", out, k);
	pid_t *pids = NEWARR(c->arena, pid_t, nparts);
	fflush(stdout);
	fflush(stderr);
	bool forked = true;
	for (int k = 1; k < nparts && forked; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			keep_part(c, fns, owner, nfns, k);
			_exit(emit_file(c, parts[k], optlevel) ? 0 : 1);
		}
		forked = pids[k] > 0;
	}
	if (!forked) {
		// no processes to spare: stop the parts started, compile the whole module here
		for (int k = 1; k < nparts && pids[k] > 0; k++) {
			kill(pids[k], SIGKILL);
			waitpid(pids[k], NULL, 0);
		}
		for (int k = 0; k < nparts; k++)
			unlink(parts[k]);
		return emit_file(c, out, optlevel);
	}
	keep_part(c, fns, owner, nfns, 0);
	bool ok = emit_file(c, parts[0], optlevel);
	for (int k = 1; k < nparts; k++) {
		int st = 0;
		if (waitpid(pids[k], &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0) {
			if (ok)
				fprintf(stderr, "gosub: code generation of part %d failed\n", k);
			ok = false;
		}
	}
	if (ok) {
		char **argv = NEWARR(c->arena, char *, nparts + 5);
		int n = 0;
		const char *ld = getenv("GOSUB_LD");
		argv[n++] = (char *)(ld && *ld ? ld : "ld");
		argv[n++] = "-r";
		argv[n++] = "-o";
		argv[n++] = (char *)out;
		for (int k = 0; k < nparts; k++)
			argv[n++] = parts[k];
		argv[n] = NULL;
		if (run_wait(argv) != 0) {
			fprintf(stderr, "gosub: %s -r failed joining the object parts\n", argv[0]);
			ok = false;
		}
	}
	for (int k = 0; k < nparts; k++)
		unlink(parts[k]);
	return ok;
}
