// Package waitfor helps tests wait for a result without hanging for ever.
package waitfor

import (
	"errors"
	"time"
)

// ErrTimeout is wrapped by the error Wait returns when nothing arrives in time.
var ErrTimeout = errors.New("timed out waiting for a value")

// ErrClosed is returned by Wait when ch is closed before a value arrives.
var ErrClosed = errors.New("channel closed")

// Wait returns the first value received from ch.
//
// It should give up after d and return the zero value with
// fmt.Errorf("%w after %v", ErrTimeout, d), and return ErrClosed when ch is
// closed. Right now it waits for ever.
func Wait[T any](ch <-chan T, d time.Duration) (T, error) {
	return <-ch, nil
}
