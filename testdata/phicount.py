#!/usr/bin/env python3
"""phicount.py: checks gosub's phi placement against LLVM's mem2reg, function by function.

For every function of every program in a fixed corpus (testdata/phicount-corpus.txt:
tier-1 run tests of Go's suite that gosub compiles), two independent constructions must
agree on how many phis promoting the local variables creates:

  gosub   G = phis for variables (those printed with the variable's name; the builder's
              && / || joins have none) after gosub's mem2reg and phielim
              (`gosub ssa -pass phielim`), less any in the builder's output
              (`gosub ssa -nomem2reg -pass demote`; zero unless the builder changes)
  LLVM    L = phis `opt-19 -passes=mem2reg` creates from `gosub build -N -nomem2reg
              -emit-llvm` (every variable a stack slot: ssa/demote.c)
              - phis it creates from the ordinary `gosub build -N -emit-llvm` (slots that
                are not variables: address-taken locals kept on the stack, temporaries)

phielim is counted because LLVM's mem2reg also deletes the phis whose incoming values are
all the same (or the phi itself). Both are pruned constructions (a phi only where the
variable is live). Codegen zeroes a stack slot with llvm.memset, which mem2reg does not
promote, so before opt each memset that clears a whole alloca is rewritten into the
equivalent `store T zeroinitializer` (in both IR files alike).

Functions where a variable's slot stays in memory after LLVM's mem2reg (aggregates
bigger than codegen's 64-byte limit (CG_BIG) go through memcpy) are reported as skipped.

Usage: testdata/phicount.py --gosub build/driver/gosub [--rt ...] [-v] [files...]
Prints one line per mismatching function, then "N passed, N failed[, N skipped]"
(one test per function); exit status 0 iff nothing failed.
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GO_TEST_DIR = '/usr/share/go-1.19/test'
OPT = 'opt-19'

HEADER = re.compile(r'^== pass \w+: func (\S+?)\(')


def gosub_phis(gosub, env, args, path):
	"""Per-function phi counts of a `gosub ssa` dump."""
	p = subprocess.run([gosub, 'ssa'] + args + [path], capture_output=True, env=env,
		timeout=60)
	if p.returncode != 0:
		return None
	counts = {}
	cur = None
	for line in p.stdout.decode('utf-8', 'replace').split('\n'):
		m = HEADER.match(line)
		if m:
			cur = m.group(1)
			counts.setdefault(cur, 0)
		elif cur and re.match(r'^\s+v\d+ = phi <[^>]*(?:<[^>]*>[^>]*)*> \w', line):
			counts[cur] += 1  # a phi with a variable name: mem2reg's, not a && / || join
	return counts


DEFINE = re.compile(r'^define [^@]*@("(?:[^"\\]|\\.)*"|[-\w.$]+)\(')
ALLOCA = re.compile(r'^\s+(%[-\w.$"]+) = alloca (.+?), align (\d+)')
MEMSET = re.compile(r'^(\s+)call void @llvm\.memset\.p0\.i64\(ptr align \d+ (%[-\w.$"]+), '
	r'i8 0, i64 \d+, i1 false\)')


def rewrite_memsets(ir):
	"""Turns memsets clearing an alloca into `store T zeroinitializer` (mem2reg-able)."""
	out = []
	allocas = {}
	for line in ir.split('\n'):
		if line.startswith('define '):
			allocas = {}
		m = ALLOCA.match(line)
		if m:
			allocas[m.group(1)] = (m.group(2), m.group(3))
		m = MEMSET.match(line)
		if m and m.group(2) in allocas:
			ty, align = allocas[m.group(2)]
			line = '%sstore %s zeroinitializer, ptr %s, align %s' % (m.group(1), ty,
				m.group(2), align)
		out.append(line)
	return '\n'.join(out)


def ir_counts(ir):
	"""Per-function (phis, allocas) of LLVM IR text."""
	counts = {}
	cur = None
	for line in ir.split('\n'):
		m = DEFINE.match(line)
		if m:
			cur = m.group(1).strip('"')
			counts[cur] = [0, 0]
		elif line.startswith('}'):
			cur = None
		elif cur:
			if re.search(r'= phi ', line):
				counts[cur][0] += 1
			if re.search(r'= alloca ', line):
				counts[cur][1] += 1
	return counts


def llvm_created(gosub, env, flags, path, tmp):
	"""Per function: (phis LLVM's mem2reg creates, allocas left after it)."""
	ll = os.path.join(tmp, 'a.ll')
	p = subprocess.run([gosub, 'build', '-N'] + flags + ['-emit-llvm', '-o', ll, path],
		capture_output=True, env=env, timeout=120)
	if p.returncode != 0:
		return None
	with open(ll, encoding='utf-8', errors='replace') as f:
		ir = rewrite_memsets(f.read())
	fixed = os.path.join(tmp, 'b.ll')
	with open(fixed, 'w') as f:
		f.write(ir)
	q = subprocess.run([OPT, '-passes=mem2reg', '-S', fixed, '-o', '-'],
		capture_output=True, timeout=120)
	if q.returncode != 0:
		sys.stderr.write(q.stderr.decode('utf-8', 'replace')[:2000])
		return None
	before = ir_counts(ir)
	after = ir_counts(q.stdout.decode('utf-8', 'replace'))
	return {fn: (after[fn][0] - before[fn][0], after[fn][1]) for fn in after if fn in before}


def check_file(gosub, env, path, verbose):
	"""Returns (passed, failed, skipped, messages) for the functions of one program."""
	name = os.path.relpath(path, GO_TEST_DIR) if path.startswith(GO_TEST_DIR) else path
	g_all = gosub_phis(gosub, env, ['-pass', 'phielim'], path)
	g_base = gosub_phis(gosub, env, ['-nomem2reg', '-pass', 'demote'], path)
	with tempfile.TemporaryDirectory(prefix='gosub-phi-') as tmp:
		l_vars = llvm_created(gosub, env, ['-nomem2reg'], path, tmp)
		l_base = llvm_created(gosub, env, [], path, tmp)
	if g_all is None or g_base is None or l_vars is None or l_base is None:
		return 0, 1, 0, ['FAIL %s: gosub or opt failed' % name]
	passed = failed = skipped = 0
	msgs = []
	for fn in sorted(g_all):
		if fn not in l_vars or fn not in l_base:
			continue  # not emitted (e.g. never called generic helpers)
		g = g_all[fn] - g_base.get(fn, 0)
		l = l_vars[fn][0] - l_base[fn][0]
		if l_vars[fn][1] > l_base[fn][1]:
			skipped += 1
			if verbose:
				msgs.append('SKIP %s: %s: a variable stays in memory after LLVM mem2reg'
					% (name, fn))
			continue
		if g == l:
			passed += 1
			if verbose:
				msgs.append('ok   %s: %s: %d phis' % (name, fn, g))
		else:
			failed += 1
			msgs.append('FAIL %s: %s: gosub places %d phis, LLVM mem2reg %d' % (name, fn,
				g, l))
	return passed, failed, skipped, msgs


def main():
	ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
	ap.add_argument('files', nargs='*', help='programs (default: the corpus)')
	ap.add_argument('--gosub', default=os.environ.get('GOSUB', 'gosub'))
	ap.add_argument('--rt', default=os.environ.get('GOSUB_RT'))
	ap.add_argument('--corpus', default=os.path.join(HERE, 'phicount-corpus.txt'))
	ap.add_argument('-v', '--verbose', action='store_true')
	ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 2)
	args = ap.parse_args()
	env = dict(os.environ)
	if args.rt:
		env['GOSUB_RT'] = os.path.abspath(args.rt)
	files = args.files
	if not files:
		with open(args.corpus) as f:
			files = [os.path.join(GO_TEST_DIR, l.split('#', 1)[0].strip()) for l in f
				if l.split('#', 1)[0].strip()]
	tp = tf = ts = 0
	with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
		results = list(pool.map(lambda p: check_file(args.gosub, env, p, args.verbose),
			files))
	for p, f, s, msgs in results:
		tp += p
		tf += f
		ts += s
		for m in msgs:
			print(m)
	line = '%d passed, %d failed' % (tp, tf)
	if ts:
		line += ', %d skipped' % ts
	print(line)
	return 1 if tf else 0


if __name__ == '__main__':
	sys.exit(main())
