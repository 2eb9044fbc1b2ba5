// run

// errors.New, Is, As, Unwrap and fmt.Errorf with %w (std_errors.c).
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type codeErr struct{ code int }

func (e *codeErr) Error() string { return "code " + strconv.Itoa(e.code) }

type valErr struct{ s string }

func (e valErr) Error() string { return "val " + e.s }

type isErr struct{}

func (isErr) Error() string          { return "isErr" }
func (isErr) Is(target error) bool   { return target == errSentinel }
func (isErr) As(target any) bool     { return false }

var errSentinel = errors.New("sentinel")

type multi struct{ errs []error }

func (m multi) Error() string { return "multi" }
func (m multi) Unwrap() error {
	if len(m.errs) == 0 {
		return nil
	}
	return m.errs[0]
}

func find(n int) error {
	if n < 0 {
		return fmt.Errorf("find %d: %w", n, &codeErr{n})
	}
	return nil
}

func main() {
	a, b := errors.New("same"), errors.New("same")
	fmt.Println(a, b, a == b, a == a, a != nil)
	fmt.Printf("%v|%s|%q|%+v|%#v|%T\n", a, a, a, a, a, a)

	w := fmt.Errorf("ctx: %w", a)
	fmt.Println(w, errors.Unwrap(w) == a, errors.Is(w, a), errors.Is(w, b))
	fmt.Printf("%T %v\n", w, errors.Unwrap(errors.Unwrap(w)))
	ww := fmt.Errorf("outer: %w", w)
	fmt.Println(ww, errors.Is(ww, a), errors.Unwrap(ww) == w)

	// %w misuse
	fmt.Println(fmt.Errorf("two %w %w", a, b))
	fmt.Println(errors.Unwrap(fmt.Errorf("two %w %w", a, b)) == nil)
	fmt.Println(fmt.Errorf("notErr %w", 42))
	fmt.Println(fmt.Errorf("nil %w", nil))
	fmt.Println(fmt.Sprintf("sprintf %w", a))
	fmt.Println(errors.Unwrap(fmt.Errorf("plain %v", a)) == nil)

	// As with pointer and value targets
	err := find(-3)
	var ce *codeErr
	if errors.As(err, &ce) {
		fmt.Println("as codeErr:", ce.code, ce)
	}
	var ve valErr
	fmt.Println(errors.As(fmt.Errorf("x: %w", valErr{"v"}), &ve), ve.s)
	fmt.Println(errors.As(err, &ve))
	var anyErr interface{ Error() string }
	fmt.Println(errors.As(err, &anyErr), anyErr)

	// Is methods and custom Unwrap chains
	fmt.Println(errors.Is(isErr{}, errSentinel), errors.Is(isErr{}, a))
	m := multi{[]error{fmt.Errorf("inner: %w", errSentinel)}}
	fmt.Println(errors.Is(m, errSentinel), errors.Is(multi{}, errSentinel))
	fmt.Println(errors.Is(nil, nil), errors.Is(a, nil), errors.Is(nil, a))
	fmt.Println(errors.Unwrap(nil) == nil, errors.Unwrap(a) == nil)

	// strconv errors unwrap to ErrSyntax / ErrRange
	_, perr := strconv.Atoi("zz")
	fmt.Println(perr, errors.Is(perr, strconv.ErrSyntax), errors.Is(perr, strconv.ErrRange))
	var ne *strconv.NumError
	if errors.As(perr, &ne) {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
	_, perr = strconv.ParseInt("300", 10, 8)
	fmt.Println(perr, errors.Is(perr, strconv.ErrRange))
	if e, ok := perr.(*strconv.NumError); ok {
		fmt.Println("assert ok:", e.Func, e.Err == strconv.ErrRange)
	}

	m2 := map[error]int{a: 1, b: 2}
	fmt.Println(len(m2), m2[a], m2[b])

	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var target *int
		defer func() { fmt.Println("recovered:", recover()) }()
		errors.As(a, target)
	}()
	panic(fmt.Errorf("boom: %w", a))
}
