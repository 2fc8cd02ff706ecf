package waitfor

import (
	"errors"
	"testing"
	"time"
)

// TestValueArrives: a value that is already there is returned at once.
func TestValueArrives(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 42
	got, err := Wait(ch, time.Hour)
	if got != 42 || err != nil {
		t.Fatalf("Wait on a channel holding 42 = (%d, %v), want (42, nil)", got, err)
	}
}

// TestTimesOut: nothing is ever sent, so Wait must give up after 20ms. A Wait
// with no deadline blocks here for ever and the runner reports a deadlock.
func TestTimesOut(t *testing.T) {
	ch := make(chan int) // nobody sends
	got, err := Wait(ch, 20*time.Millisecond)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Wait on a silent channel returned error %v, want one wrapping ErrTimeout", err)
	}
	if got != 0 {
		t.Fatalf("Wait on a silent channel returned %d, want the zero value 0", got)
	}
}
