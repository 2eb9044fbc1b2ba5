#!/usr/bin/env python3
"""gctrace.py: GODEBUG=gctrace=1 lines of a gosub program parse like gc's.

testdata/run/gcreuse.go (10 GB of short-lived objects: many automatic collections, then
debug.FreeOSMemory's forced one) is built with gosub and with gc (go build) and run with
GODEBUG=gctrace=1. Every "gc N @..." line either prints must match GCTRACE, the layout of
Go 1.19's runtime (mgc.go, gcMarkTermination), and the forced collection must be there.
Checking gc's own lines against the same expression keeps the expression honest.

Usage: testdata/gctrace.py --gosub build/driver/gosub [--rt build/runtime/libgosubrt.a]
Prints "N passed, N failed" last (one test per compiler); exit status 0 iff all pass.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAM = os.path.join(HERE, 'run', 'gcreuse.go')

GCTRACE = re.compile(
    r'gc \d+ @\d+\.\d{3}s \d+%: '
    r'[\d.]+\+[\d.]+\+[\d.]+ ms clock, '
    r'[\d.]+\+[\d.]+/[\d.]+/[\d.]+\+[\d.]+ ms cpu, '
    r'\d+->\d+->\d+ MB, \d+ MB goal, \d+ MB stacks, \d+ MB globals, \d+ P( \(forced\))?')


def check(name, exe, tmp):
    env = dict(os.environ, GODEBUG='gctrace=1')
    p = subprocess.run([exe], cwd=tmp, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    lines = [l for l in p.stderr.decode(errors='replace').splitlines() if l.startswith('gc ')]
    bad = [l for l in lines if not GCTRACE.fullmatch(l)]
    if p.returncode != 0:
        return '%s: exit status %d' % (name, p.returncode)
    if len(lines) < 100:
        return '%s: only %d gctrace lines' % (name, len(lines))
    if bad:
        return '%s: %d of %d lines do not parse, e.g. %r' % (name, len(bad), len(lines), bad[0])
    if not any(l.endswith('(forced)') for l in lines):
        return '%s: no forced collection line' % name
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gosub', required=True)
    ap.add_argument('--rt')
    args = ap.parse_args()
    args.gosub = os.path.abspath(args.gosub)
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='gosub-gctrace-') as tmp:
        builds = [('gosub', [args.gosub, 'build', '-o', os.path.join(tmp, 'gosub.exe'),
                             PROGRAM], os.path.join(tmp, 'gosub.exe'))]
        if shutil.which('go'):
            builds.append(('gc', ['go', 'build', '-o', os.path.join(tmp, 'gc.exe'), PROGRAM],
                           os.path.join(tmp, 'gc.exe')))
        else:
            print('FAIL gc: the go command is not installed')
            failed += 1
        for name, cmd, exe in builds:
            env = dict(os.environ, GOENV='off', GOFLAGS='', GO111MODULE='off')
            if args.rt:
                env['GOSUB_RT'] = os.path.abspath(args.rt)
            b = subprocess.run(cmd, cwd=tmp, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=300)
            why = ('%s: build failed: %s' % (name, b.stdout.decode(errors='replace')[:300])
                   if b.returncode != 0 else check(name, exe, tmp))
            if why:
                print('FAIL ' + why)
                failed += 1
            else:
                passed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
