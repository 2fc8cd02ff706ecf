package timeline

import (
	"strings"
	"testing"
)

// frames makes a stack; a learner's function (package main or prog) sits in a flat file, the
// standard library's in a file under a directory, as after -strip.
func frames(funcs ...string) []Frame {
	out := make([]Frame, len(funcs))
	for i, f := range funcs {
		file := "pkg/x.go"
		if strings.HasPrefix(f, "main.") || strings.HasPrefix(f, "prog.") {
			file = "main.go"
		}
		out[i] = Frame{Func: f, File: file, Line: 1}
	}
	return out
}

func TestWaitReason(t *testing.T) {
	cases := []struct {
		name   string
		reason string
		stack  []Frame
		want   string
	}{
		{"mutex", "sync", frames("sync.(*Mutex).Lock", "main.worker"), ReasonMutex},
		{"mutex via internal/sync", "sync", frames("internal/sync.runtime_SemacquireMutex", "internal/sync.(*Mutex).lockSlow", "internal/sync.(*Mutex).Lock", "sync.(*Mutex).Lock", "main.main"), ReasonMutex},
		// RWMutex.Lock waits in its embedded Mutex first: the outer method decides.
		{"rwmutex writer behind writer", "sync", frames("sync.(*Mutex).Lock", "sync.(*RWMutex).Lock", "main.writer"), ReasonRWMutexWrite},
		{"rwmutex writer behind readers", "sync", frames("sync.(*RWMutex).Lock", "main.writer"), ReasonRWMutexWrite},
		{"rwmutex reader", "sync", frames("sync.(*RWMutex).RLock", "main.reader"), ReasonRWMutexRead},
		{"waitgroup", "sync", frames("sync.(*WaitGroup).Wait", "main.main"), ReasonWaitGroup},
		{"cond", "sync.(*Cond).Wait", frames("sync.(*Cond).Wait", "main.main.func1"), ReasonCond},
		{"cond without stack", "sync.(*Cond).Wait", nil, ReasonCond},
		// Once.Do waits in the Mutex of the Once that another goroutine is running.
		{"once", "sync", frames("sync.(*Mutex).Lock", "sync.(*Once).doSlow", "sync.(*Once).Do", "main.main"), ReasonMutex},
		{"user code named like sync stops the search", "sync", frames("main.(*Mutex).Lock", "sync.(*WaitGroup).Wait", "main.main"), ReasonOther},
		{"sync without a known method", "sync", frames("sync.runtime_Semacquire", "main.main"), ReasonOther},
		{"chan send", "chan send", frames("main.producer"), ReasonChanSend},
		{"chan receive", "chan receive", frames("main.consumer"), ReasonChanRecv},
		{"select", "select", frames("main.main"), ReasonSelect},
		{"select {}", "forever", frames("runtime.block", "main.main"), ReasonSelect},
		{"nil channel receive", "forever", frames("runtime.chanrecv1", "main.main"), ReasonChanRecv},
		{"nil channel send", "forever", frames("runtime.chansend1", "main.main"), ReasonChanSend},
		{"sleep", "sleep", frames("time.Sleep", "main.nap"), ReasonSleep},
		{"gc assist", "GC mark assist wait for work", frames("main.alloc"), ReasonGCAssist},
		{"already waiting on a mutex", "", frames("sync.(*Mutex).Lock", "main.main"), ReasonMutex},
		{"already sleeping", "", frames("time.Sleep", "main.main"), ReasonSleep},
		{"already waiting, learner frame first", "", frames("main.f", "time.Sleep"), ReasonOther},
		{"network", "network", frames("internal/poll.(*FD).Read", "main.main"), ReasonOther},
		{"unknown future reason", "something new", nil, ReasonOther},
	}
	for _, c := range cases {
		if got := WaitReason(c.reason, c.stack); got != c.want {
			t.Errorf("%s: WaitReason(%q) = %q, want %q", c.name, c.reason, got, c.want)
		}
	}
}

func TestIsStdFrame(t *testing.T) {
	for _, c := range []struct {
		fn, file string
		want     bool
	}{
		{"sync.(*Mutex).Lock", "sync/mutex.go", true},
		{"sync.(*Mutex).Lock", "/usr/local/go/src/sync/mutex.go", true},
		{"internal/sync.(*Mutex).lockSlow", "internal/sync/mutex.go", true},
		{"runtime/trace.(*Region).End", "runtime/trace/annotation.go", true},
		{"main.main", "main.go", false},
		{"main.(*T).m", "/sandbox/src/main.go", false},
		// A test package is named after the module: only its flat file tells it is the learner's.
		{"prog.TestCounter", "c_test.go", false},
		{"example.com/m/pkg.F", "/root/go/pkg/mod/example.com/m/pkg/f.go", false},
		{"golang.org/x/sync/errgroup.(*Group).Wait", "/x/errgroup.go", false},
	} {
		if got := isStdFrame(Frame{Func: c.fn, File: c.file}); got != c.want {
			t.Errorf("isStdFrame(%s in %s) = %v, want %v", c.fn, c.file, got, c.want)
		}
	}
}

// In a test, a lock taken inside a function that an outer sync call runs is still the lock's.
func TestWaitReasonInATestPackage(t *testing.T) {
	stack := frames("sync.(*Mutex).Lock", "prog.TestCounter.func1", "sync.(*WaitGroup).Wait", "prog.TestCounter")
	if got := WaitReason("sync", stack); got != ReasonMutex {
		t.Errorf("got %q", got)
	}
}
