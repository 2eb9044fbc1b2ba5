#!/bin/sh
# parse_all.sh PARSETEST [DIR]: runs parsetest over every .go file under DIR (default Go's
# test suite) with a 10 s timeout and compares with gc's parser (gofmt -e uses go/parser,
# so gc itself is asked: `go vet`-free `go tool compile` output containing "syntax error"
# or a lexical error counts as a syntax error). Reports crashes, hangs and disagreements.
pt=${1:?usage: parse_all.sh PARSETEST [DIR]}
dir=${2:-/usr/share/go-1.19/test}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lexre='newline in|invalid character|rune literal|string not terminated|invalid NUL|invalid UTF|comment not terminated|octal escape|escape is invalid|invalid digit|exponent|literal has no digits|invalid BOM|identifier cannot|more than one character|empty rune|unknown escape|invalid radix|mantissa|must separate'
ncrash=0 nhang=0 nfp=0 nfn=0 nok=0 nerrok=0 n=0
for f in $(find "$dir" -name '*.go' | sort); do
	n=$((n + 1))
	timeout 10 "$pt" "$f" >/dev/null 2>"$tmp/ours"
	rc=$?
	if [ $rc -eq 124 ]; then
		echo "HANG $f"; nhang=$((nhang + 1)); continue
	fi
	if [ $rc -gt 1 ]; then
		echo "CRASH($rc) $f"; ncrash=$((ncrash + 1)); continue
	fi
	(cd "$tmp" && timeout 30 go tool compile -o "$tmp/gc.o" -p main "$f" >"$tmp/gc" 2>&1)
	if grep -qE "syntax error|: ($lexre)" "$tmp/gc"; then gcbad=1; else gcbad=0; fi
	if grep -qE "syntax error|: ($lexre)" "$tmp/ours"; then ourbad=1; else ourbad=0; fi
	if [ $gcbad -eq 0 ] && [ $ourbad -eq 1 ]; then
		echo "FALSE-ERROR $f: $(head -1 "$tmp/ours")"; nfp=$((nfp + 1))
	elif [ $gcbad -eq 1 ] && [ $ourbad -eq 0 ]; then
		echo "MISSED-ERROR $f: $(grep -E "syntax error|: ($lexre)" "$tmp/gc" | head -1)"
		nfn=$((nfn + 1))
	elif [ $gcbad -eq 1 ]; then
		nerrok=$((nerrok + 1))
	else
		nok=$((nok + 1))
	fi
done
echo "$n files: $nok clean, $nerrok with syntax errors on both sides, $nfp false errors," \
	"$nfn missed errors, $ncrash crashes, $nhang hangs"
