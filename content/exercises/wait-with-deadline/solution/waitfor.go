// Package waitfor helps tests wait for a result without hanging for ever.
package waitfor

import (
	"errors"
	"fmt"
	"time"
)

// ErrTimeout is wrapped by the error Wait returns when nothing arrives in time.
var ErrTimeout = errors.New("timed out waiting for a value")

// ErrClosed is returned by Wait when ch is closed before a value arrives.
var ErrClosed = errors.New("channel closed")

// Wait returns the first value received from ch. It gives up after d and
// returns the zero value with an error wrapping ErrTimeout, and returns
// ErrClosed when ch is closed.
func Wait[T any](ch <-chan T, d time.Duration) (T, error) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	var zero T
	select {
	case v, ok := <-ch:
		if !ok {
			return zero, ErrClosed
		}
		return v, nil
	case <-timer.C:
		return zero, fmt.Errorf("%w after %v", ErrTimeout, d)
	}
}
