package queue

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// waitBlocked polls the goroutine dump until n goroutines are parked inside
// a call to method (Put or Get) of the queue. It fails the test after 5s.
func waitBlocked(t *testing.T, method string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		dump := string(buf[:runtime.Stack(buf, true)])
		count := 0
		for _, g := range strings.Split(dump, "\n\n") {
			header, _, _ := strings.Cut(g, "\n")
			if strings.Contains(header, "[running]") || strings.Contains(header, "[runnable]") {
				continue
			}
			if strings.Contains(g, "])."+method+"(") { // queue.(*Queue[...]).Put(

				count++
			}
		}
		if count >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 5s, %d goroutine(s) are waiting in %s, want %d", count, method, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestFIFO: items come out in the order they went in.
func TestFIFO(t *testing.T) {
	q := New[string](3)
	for _, s := range []string{"a", "b", "c"} {
		q.Put(s)
	}
	if n := q.Len(); n != 3 {
		t.Fatalf("Len() = %d after 3 Puts, want 3", n)
	}
	for _, want := range []string{"a", "b", "c"} {
		if got := q.Get(); got != want {
			t.Fatalf("Get() = %q, want %q", got, want)
		}
	}
}

// TestPutWaitsWhenFull: a Put on a full queue waits, and a Get that frees a
// slot must let it finish.
func TestPutWaitsWhenFull(t *testing.T) {
	q := New[int](2)
	q.Put(1)
	q.Put(2)
	done := make(chan struct{})
	go func() {
		q.Put(3) // the queue is full: this must wait
		close(done)
	}()
	waitBlocked(t, "Put", 1)
	if n := q.Len(); n != 2 {
		t.Fatalf("Len() = %d while the queue is full and a Put waits, want 2", n)
	}
	if got := q.Get(); got != 1 {
		t.Fatalf("Get() = %d, want 1", got)
	}
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Get freed a slot, but the waiting Put was never woken")
	}
	if got, got2 := q.Get(), q.Get(); got != 2 || got2 != 3 {
		t.Fatalf("then Get(), Get() = %d, %d, want 2, 3", got, got2)
	}
}
