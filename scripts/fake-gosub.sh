#!/bin/bash
# fake-gosub.sh: a stand-in for the gosub command built from gc, for testing the harness.
#
# Accepts gosub's command line (build/run; ssa reports "not supported") and does the work
# with `go tool compile` and `go tool link`, so testdata/harness.py can be exercised
# before gosub exists and checked against gc's own behaviour:
#   scripts/fake-gosub.sh build [-o out] [-m|-m=2] [-l] [-N] [-e] [-O0..-O3] file.go...
#   scripts/fake-gosub.sh run [flags] file.go [args...]
# Usage with the harness: testdata/harness.py --gosub scripts/fake-gosub.sh run
set -uo pipefail

die() {
	echo "gosub: $*" >&2
	exit 1
}

[ $# -ge 1 ] || die "usage: gosub build|run|ssa ..."
cmd=$1
shift

out=a.out
nolink=
gcflags=()
files=()
while [ $# -gt 0 ]; do
	case $1 in
	-o) out=$2; shift 2 ;;
	-m|-m=*|-l|-N|-e) gcflags+=("$1"); shift ;;
	-O0) gcflags+=(-N); shift ;;
	-O*) shift ;;
	-emit-llvm|-S) nolink=1; shift ;;  # compile only: the fake writes no IR
	-*) die "unknown flag $1" ;;
	*) break ;;
	esac
done
while [ $# -gt 0 ] && [[ $1 == *.go ]]; do
	files+=("$1")
	shift
	[ "$cmd" = run ] && break
done
[ ${#files[@]} -gt 0 ] || die "no .go files"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $cmd in
build | run)
	pkg=$(sed -n 's/^package \([A-Za-z_0-9]*\).*/\1/p' "${files[0]}" | head -1)
	go tool compile -p "${pkg:-main}" -o "$tmp/x.o" "${gcflags[@]}" "${files[@]}" || exit 1
	[ "$pkg" = main ] && [ -z "$nolink" ] || exit 0
	if [ "$cmd" = build ]; then
		go tool link -o "$out" "$tmp/x.o" || exit 1
		exit 0
	fi
	go tool link -o "$tmp/x" "$tmp/x.o" || exit 1
	"$tmp/x" "$@"
	exit $?
	;;
ssa) die "ssa: not supported by the fake" ;;
*) die "unknown command $cmd" ;;
esac
