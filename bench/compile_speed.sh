#!/bin/bash
# compile_speed.sh: compile speed of gosub (-O0 and -O2) against `go build` on a generated
# ~20,000-line program (bench/gen.py). Uses hyperfine when installed, else the median of
# repeated /usr/bin/time runs. Prints seconds, lines/second and ratios to go build, then
# checks that the gosub-built program prints what the gc-built one prints. Besides the
# median wall time it prints the median CPU time (user+sys, child processes included;
# hyperfine's mean):
# on a shared machine wall times swing by 2x from run to run, CPU times much less.
# go build gets a fresh GOCACHE and output file every run, so it really compiles.
#
# Usage: bench/compile_speed.sh [path/to/gosub]    (default build/driver/gosub)
#        RUNS=10 LINES=40000 bench/compile_speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
gosub=$(realpath -m "${1:-${GOSUB:-build/driver/gosub}}")
runs=${RUNS:-5}
lines_target=${LINES:-20000}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/big.go
python3 bench/gen.py -lines "$lines_target" -o "$src"
lines=$(wc -l <"$src")
echo "program: $lines lines ($src), $runs runs each"

names=()
cmds=()
preps=()
if [ -x "$gosub" ]; then
	names+=("gosub -O0" "gosub -O2")
	cmds+=("$gosub build -O0 -o $tmp/g0 $src" "$gosub build -O2 -o $tmp/g2 $src")
	preps+=("rm -f $tmp/g0" "rm -f $tmp/g2")
else
	echo "gosub not found at $gosub: timing go build only"
fi
names+=("go build")
cmds+=("env GOCACHE=$tmp/gocache go build -o $tmp/gc $src")
preps+=("rm -rf $tmp/gocache $tmp/gc")

times=$tmp/times
: >"$times"
if command -v hyperfine >/dev/null 2>&1; then
	for i in "${!cmds[@]}"; do
		hyperfine -N --style basic --warmup 1 --runs "$runs" --prepare "${preps[$i]}" \
			--export-json "$tmp/h$i.json" -n "${names[$i]}" "${cmds[$i]}" >/dev/null
		python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"], r["user"] + r["system"])' \
			"$tmp/h$i.json" >>"$times"
	done
else
	[ -x /usr/bin/time ] || { echo "compile_speed.sh: need hyperfine or /usr/bin/time" >&2; exit 1; }
	for i in "${!cmds[@]}"; do
		all=()
		for ((r = 0; r <= runs; r++)); do
			bash -c "${preps[$i]}"
			/usr/bin/time -f '%e %U %S' -o "$tmp/t" bash -c "${cmds[$i]}" >/dev/null 2>"$tmp/err" || {
				echo "${names[$i]} failed:" >&2
				head -20 "$tmp/err" >&2
				exit 1
			}
			[ "$r" -eq 0 ] || all+=("$(tail -1 "$tmp/t")")  # run 0 is a warm-up
		done
		# median wall time and median CPU time (user+sys, children included)
		printf '%s\n' "${all[@]}" | awk '{print $1, $2 + $3}' >"$tmp/runs"
		w=$(sort -g -k1,1 "$tmp/runs" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
		c=$(sort -g -k2,2 "$tmp/runs" | awk '{a[NR]=$2} END {print a[int((NR+1)/2)]}')
		echo "$w $c" >>"$times"
	done
fi

python3 - "$lines" "$times" "${names[@]}" <<'PY'
import sys
lines = int(sys.argv[1])
rows = [[float(x) for x in l.split()] for l in open(sys.argv[2]) if l.strip()]
names = sys.argv[3:]
base, cbase = rows[-1][0], rows[-1][1]  # go build
print('%-10s %9s %12s %14s %9s %14s' % ('', 'seconds', 'lines/s', 'vs go build', 'CPU s',
	'CPU vs go'))
for n, (t, c) in zip(names, rows):
	t, c = max(t, 1e-3), max(c, 1e-3)
	print('%-10s %9.3f %12.0f %13.2fx %9.3f %13.2fx' % (n, t, lines / t, base / t, c,
		cbase / c))
PY

if [ -x "$gosub" ]; then
	want=$("$tmp/gc")
	for b in g0 g2; do
		got=$("$tmp/$b" 2>&1) || true
		if [ "$got" = "$want" ]; then
			echo "$b: output matches gc ($want)"
		else
			echo "$b: OUTPUT DIFFERS from gc: got '$got', want '$want'"
		fi
	done
fi
