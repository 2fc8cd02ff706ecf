// Package dedup collapses concurrent identical requests into one call.
package dedup

import (
	"context"
	"fmt"
)

// PanicError is the error every caller gets when fn panics. Value is what fn
// panicked with.
type PanicError struct {
	Value any
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("dedup: call panicked: %v", e.Value)
}

// Group de-duplicates concurrent calls that have the same key. Its zero value
// is ready to use.
//
// This placeholder de-duplicates nothing: every caller runs fn itself.
type Group[K comparable, V any] struct{}

// Do runs fn once for all callers that ask for key while a call for key is in
// flight, and gives each of them its result. fn gets a context of its own,
// cancelled once every caller waiting for the call has given up. A caller
// whose ctx ends stops waiting and gets ctx.Err(), while the call goes on for
// the others. If fn panics, every caller gets a *PanicError.
func (g *Group[K, V]) Do(ctx context.Context, key K, fn func(context.Context) (V, error)) (V, error) {
	return fn(ctx)
}
