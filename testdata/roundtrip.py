#!/usr/bin/env python3
"""roundtrip.py: the SSA text dump reads back (ssa/ssaread.c) to the same SSA.

For every program of testdata/run and testdata/ssa, the dump after phielim
(`gosub ssa -pass phielim F.go`) is read back and copyelim is run on it alone
(`gosub ssa -pass copyelim F.ssa`); the output must equal copyelim's dump in the normal
pipeline (`gosub ssa -pass copyelim F.go`), byte for byte. Every function, type, constant
and aux of those programs must so survive the text form.

Usage: testdata/roundtrip.py --gosub build/driver/gosub [-v] [files...]
Prints each differing program, then "N passed, N failed" (one test per program); exit
status 0 iff nothing failed.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def ssa(gosub, args):
    p = subprocess.run([gosub, 'ssa'] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(gosub, path, tmp):
    """Returns None when path round-trips, else the reason."""
    rc, dump, err = ssa(gosub, ['-pass', 'phielim', path])
    if rc != 0:
        return 'ssa -pass phielim failed: ' + err.decode(errors='replace')[:200]
    text = os.path.join(tmp, os.path.basename(path)[:-3] + '.ssa')
    with open(text, 'wb') as f:
        f.write(dump)
    rc, want, err = ssa(gosub, ['-pass', 'copyelim', path])
    if rc != 0:
        return 'ssa -pass copyelim failed: ' + err.decode(errors='replace')[:200]
    rc, got, err = ssa(gosub, ['-pass', 'copyelim', text])
    if rc != 0:
        return 'reading the dump back failed: ' + err.decode(errors='replace')[:200]
    if got != want:
        for i, (a, b) in enumerate(zip(want.splitlines(), got.splitlines())):
            if a != b:
                return 'line %d differs: want %r, got %r' % (i + 1, a, b)
        return 'length differs'
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gosub', required=True)
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(HERE, 'run', '*.go')) +
                                 glob.glob(os.path.join(HERE, 'ssa', '*.go')))
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix='gosub-roundtrip-') as tmp:
        for path in files:
            why = check(args.gosub, path, tmp)
            if why is None:
                passed += 1
                if args.verbose:
                    print('ok   %s' % os.path.relpath(path, HERE))
            else:
                failed += 1
                print('FAIL %s: %s' % (os.path.relpath(path, HERE), why))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
