package conformance

// The real runtime's answers to the three "predict the state" levels: the real sync.Mutex and
// sync.RWMutex are driven to the level's moment and their words read through unsafe, then compared
// with the answer in content/scenarios/predict-*.json. The copies above prove the models step for
// step; this proves the copies' starting point, the Go on PATH, still lands where the levels say.

import (
	"encoding/json"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// levelAnswer reads a predict level's field and answer from its scenario file.
func levelAnswer(t *testing.T, id, field string) int64 {
	t.Helper()
	b, err := os.ReadFile("../../content/scenarios/" + id + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Level struct {
			Predict struct {
				Field  string `json:"field"`
				Answer int64  `json:"answer"`
			} `json:"predict"`
		} `json:"level"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Level.Predict.Field != field {
		t.Fatalf("%s asks for %q, not %q", id, s.Level.Predict.Field, field)
	}
	return s.Level.Predict.Answer
}

// mutexState is sync.Mutex's state word: sync.Mutex is struct{ _ noCopy; mu isync.Mutex } and
// isync.Mutex starts with `state int32` (internal/sync/mutex.go).
func mutexState(mu *sync.Mutex) int32 { return atomic.LoadInt32((*int32)(unsafe.Pointer(mu))) }

// rwField is an int32 of sync.RWMutex at a byte offset: w Mutex (8 bytes), writerSem uint32 (8),
// readerSem uint32 (12), readerCount atomic.Int32 (16), readerWait atomic.Int32 (20) (sync/rwmutex.go).
func rwField(rw *sync.RWMutex, off uintptr) int32 {
	return atomic.LoadInt32((*int32)(unsafe.Add(unsafe.Pointer(rw), off)))
}

// waitFor yields until cond holds: the other goroutines get the P, no clock is read.
func waitFor(cond func() bool) {
	for !cond() {
		runtime.Gosched()
	}
}

func TestLayoutIsTheOneReadHere(t *testing.T) {
	if unsafe.Sizeof(sync.Mutex{}) != 8 || unsafe.Sizeof(sync.RWMutex{}) != 24 {
		t.Fatalf("sync.Mutex is %d bytes and sync.RWMutex %d: re-read the offsets in this file",
			unsafe.Sizeof(sync.Mutex{}), unsafe.Sizeof(sync.RWMutex{}))
	}
}

// predict-mutex-waiter: G1 holds the mutex, G2 queued behind it and parked.
func TestRealMutexWaiter(t *testing.T) {
	want := levelAnswer(t, "predict-mutex-waiter", "word")
	var mu sync.Mutex
	mu.Lock() // G1
	done := make(chan struct{})
	go func() { mu.Lock(); mu.Unlock(); close(done) }()     // G2
	waitFor(func() bool { return mutexState(&mu)>>3 != 0 }) // G2's CAS counted it as a waiter
	got := mutexState(&mu)
	mu.Unlock()
	<-done
	if int64(got) != want {
		t.Fatalf("the real m.state with one holder and one parked waiter is %d; the level says %d", got, want)
	}
}

// predict-mutex-starving: G2 parks behind G1 and is woken, G3 barges in and holds the mutex for
// 2 ms, then G2 competes again, loses and re-queues, now starving.
func TestRealMutexStarving(t *testing.T) {
	want := levelAnswer(t, "predict-mutex-starving", "word")
	// One P, as in the level: nothing runs while this goroutine holds it, nobody spins.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var mu sync.Mutex
	mu.Lock() // G1
	done := make(chan struct{})
	go func() { mu.Lock(); mu.Unlock(); close(done) }() // G2
	waitFor(func() bool { return mutexState(&mu)>>3 != 0 })
	mu.Unlock() // G1: sets mutexWoken and readies G2, which waits for the P
	mu.Lock()   // G3 (this goroutine again: a mutex has no owner) barges in
	// G3 holds the P for 2 ms so G2 cannot run meanwhile (sysmon preempts only after 10 ms, and
	// even then G2 has waited over 1 ms). This is not a measurement: any longer wait gives the same.
	for start := time.Now(); time.Since(start) < 2*time.Millisecond; {
	}
	waitFor(func() bool { return mutexState(&mu)&4 != 0 }) // G2 woke, lost, set mutexStarving, parked
	got := mutexState(&mu)
	mu.Unlock() // hands the mutex to G2
	<-done
	if int64(got) != want {
		t.Fatalf("the real m.state after the starving waiter re-queued is %d; the level says %d", got, want)
	}
}

// predict-readercount: R1 and R2 hold read locks, W announced itself and waits for them.
func TestRealRWMutexReaderCount(t *testing.T) {
	want := levelAnswer(t, "predict-readercount", "readerCount")
	var rw sync.RWMutex
	release := make(chan struct{})
	var readers, writer sync.WaitGroup
	for range 2 { // R1, R2
		readers.Add(1)
		go func() { rw.RLock(); readers.Done(); <-release; rw.RUnlock() }()
	}
	readers.Wait()
	writer.Add(1)
	go func() { rw.Lock(); rw.Unlock(); writer.Done() }() // W
	waitFor(func() bool { return rwField(&rw, 20) == 2 }) // readerWait: W waits for both
	got := rwField(&rw, 16)
	close(release)
	writer.Wait()
	if int64(got) != want {
		t.Fatalf("the real readerCount with two readers and a waiting writer is %d; the level says %d", got, want)
	}
}
