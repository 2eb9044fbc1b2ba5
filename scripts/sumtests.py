#!/usr/bin/env python3
"""sumtests.py: the overall "N passed, N failed" line over a meson test log.

Reads meson's testlog.json (one JSON object per test). A test whose output ends with the
harness's "N passed, N failed[, N skipped]" line counts as those N tests; any other test
(a C unit test) counts as one test, passed or failed by meson's verdict. Prints one line
per suite, then the overall line last. Exits 1 when anything failed.

Usage: scripts/sumtests.py build/meson-logs/testlog.json
"""

import json
import re
import sys

COUNT_RX = re.compile(r'^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$', re.M)


def main():
	if len(sys.argv) != 2:
		print(__doc__.strip().split('\n')[-1], file=sys.stderr)
		return 2
	passed = failed = skipped = 0
	try:
		with open(sys.argv[1]) as f:
			entries = [json.loads(l) for l in f if l.strip()]
	except (OSError, ValueError) as e:
		print('sumtests.py: %s' % e)
		print('0 passed, 1 failed')
		return 1
	for e in entries:
		name = e.get('name', '?')
		result = e.get('result', 'FAIL')
		counts = COUNT_RX.findall(e.get('stdout') or '')
		if counts:
			p, f, s = counts[-1]
			p, f, s = int(p), int(f), int(s or 0)
			if result not in ('OK', 'EXPECTEDFAIL') and f == 0:
				f = 1  # the harness failed after its count line, or was killed
		elif result in ('OK', 'EXPECTEDFAIL'):
			p, f, s = 1, 0, 0
		elif result == 'SKIP':
			p, f, s = 0, 0, 1
		else:
			p, f, s = 0, 1, 0
		line = '%s: %d passed, %d failed' % (name, p, f)
		if s:
			line += ', %d skipped' % s
		if result not in ('OK', 'SKIP', 'EXPECTEDFAIL'):
			line += ' (%s)' % result
		print(line)
		passed += p
		failed += f
		skipped += s
	line = '%d passed, %d failed' % (passed, failed)
	if skipped:
		line += ', %d skipped' % skipped
	print(line)
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main())
