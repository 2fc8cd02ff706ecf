package waitfor

import (
	"errors"
	"testing"
	"time"
)

// TestTimeoutMessage: the error names the deadline, so a failing test says
// how long it waited.
func TestTimeoutMessage(t *testing.T) {
	_, err := Wait(make(chan string), 15*time.Millisecond)
	want := "timed out waiting for a value after 15ms"
	if err == nil || err.Error() != want {
		t.Fatalf("Wait error = %v, want %q", err, want)
	}
}

// TestTimeoutIsPrompt: Wait returns after d, not long after. A timer never
// fires early, so the lower bound always holds; the upper bound is generous.
func TestTimeoutIsPrompt(t *testing.T) {
	const d = 30 * time.Millisecond
	start := time.Now()
	_, err := Wait(make(chan int), d)
	elapsed := time.Since(start)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("Wait error = %v, want one wrapping ErrTimeout", err)
	}
	if elapsed < d || elapsed > 3*time.Second {
		t.Fatalf("Wait(ch, %v) returned after %v, want between %v and 3s", d, elapsed, d)
	}
}

// TestValueFromAnotherGoroutine: a value sent while Wait is waiting is
// returned, long before the one-hour deadline.
func TestValueFromAnotherGoroutine(t *testing.T) {
	ch := make(chan string)
	go func() { ch <- "ready" }()
	got, err := Wait(ch, time.Hour)
	if got != "ready" || err != nil {
		t.Fatalf(`Wait = (%q, %v), want ("ready", nil)`, got, err)
	}
}

// TestClosedChannel: a closed channel is reported as ErrClosed, not as a
// zero value that looks like a real result.
func TestClosedChannel(t *testing.T) {
	ch := make(chan int)
	close(ch)
	got, err := Wait(ch, time.Hour)
	if !errors.Is(err, ErrClosed) || got != 0 {
		t.Fatalf("Wait on a closed channel = (%d, %v), want (0, ErrClosed)", got, err)
	}
}
