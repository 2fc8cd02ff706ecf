package timeline

import "testing"

func frames(funcs ...string) []Frame {
	out := make([]Frame, len(funcs))
	for i, f := range funcs {
		out[i] = Frame{Func: f, File: "x.go", Line: 1}
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
	for fn, want := range map[string]bool{
		"sync.(*Mutex).Lock":                       true,
		"internal/sync.(*Mutex).lockSlow":          true,
		"runtime/trace.(*Region).End":              true,
		"main.main":                                false,
		"main.(*T).m":                              false,
		"example.com/m/pkg.F":                      false,
		"github.com/a/b.(*C).D":                    false,
		"golang.org/x/sync/errgroup.(*Group).Wait": false,
	} {
		if got := isStdFrame(fn); got != want {
			t.Errorf("isStdFrame(%q) = %v, want %v", fn, got, want)
		}
	}
}
