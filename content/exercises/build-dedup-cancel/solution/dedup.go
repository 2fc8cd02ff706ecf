// Package dedup collapses concurrent identical requests into one call.
package dedup

import (
	"context"
	"fmt"
	"sync"
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
type Group[K comparable, V any] struct {
	mu    sync.Mutex
	calls map[K]*call[V] // the calls in flight; guarded by mu
}

// call is one run of fn. val and err are written before done is closed and
// only read after it is, so the close orders them for every reader.
type call[V any] struct {
	done    chan struct{}
	val     V
	err     error
	waiters int                // callers still waiting; guarded by the Group's mu
	cancel  context.CancelFunc // cancels the context fn runs with
}

// Do runs fn once for all callers that ask for key while a call for key is in
// flight, and gives each of them its result. fn gets a context of its own,
// cancelled once every caller waiting for the call has given up. A caller
// whose ctx ends stops waiting and gets ctx.Err(), while the call goes on for
// the others. If fn panics, every caller gets a *PanicError.
func (g *Group[K, V]) Do(ctx context.Context, key K, fn func(context.Context) (V, error)) (V, error) {
	var zero V
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	g.mu.Lock()
	c, ok := g.calls[key]
	if !ok {
		// fn must outlive the caller that happened to start it, so its
		// context keeps that caller's values but not its cancellation;
		// the waiters count decides when it is cancelled.
		callCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &call[V]{done: make(chan struct{}), cancel: cancel}
		if g.calls == nil {
			g.calls = map[K]*call[V]{}
		}
		g.calls[key] = c
		go g.run(callCtx, key, c, fn)
	}
	c.waiters++
	g.mu.Unlock()

	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		g.leave(key, c)
		return zero, ctx.Err()
	}
}

// leave records that one caller stopped waiting. The last one cancels the
// call and forgets it, so that the next caller starts a fresh call instead of
// joining one that is being cancelled.
func (g *Group[K, V]) leave(key K, c *call[V]) {
	g.mu.Lock()
	defer g.mu.Unlock()
	c.waiters--
	if c.waiters == 0 {
		c.cancel()
		g.forget(key, c)
	}
}

// forget removes c from the calls in flight, unless a newer call for key has
// already replaced it. The caller holds g.mu.
func (g *Group[K, V]) forget(key K, c *call[V]) {
	if g.calls[key] == c {
		delete(g.calls, key)
	}
}

// run calls fn and publishes its result. It runs in its own goroutine so
// that callers can stop waiting while it goes on; the deferred function
// turns a panic into an error for every caller instead of a crash of the
// whole process.
func (g *Group[K, V]) run(ctx context.Context, key K, c *call[V], fn func(context.Context) (V, error)) {
	defer func() {
		if r := recover(); r != nil {
			c.err = &PanicError{Value: r}
		}
		g.mu.Lock()
		g.forget(key, c)
		g.mu.Unlock()
		c.cancel()
		close(c.done)
	}()
	c.val, c.err = fn(ctx)
}
