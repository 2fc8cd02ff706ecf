package timeline

import (
	"reflect"
	"testing"
)

func TestHidden(t *testing.T) {
	cases := []struct {
		id    int64
		start string
		want  bool
	}{
		{1, "runtime.main", false},
		{2, "runtime.forcegchelper", true},
		{20, "runtime.traceStartReadCPU.func1", true},
		{22, "runtime/trace.(*traceMultiplexer).startLocked.func1", true},
		{23, "os/signal.loop", true},
		{24, "main.lockstepTraceOnQuit", true},
		{26, "prog_test.lockstepTraceWatchTraced", true},
		{27, "example.com/prog.lockstepTraceWatch", true},
		{28, "main.lockstepTracer", true},
		{29, "main.mylockstepTrace", false},
		{25, "internal/poll.something", true},
		{7, "main.worker", false},
		{8, "main.main.func1", false},
		{9, "testing.tRunner", false},
		{10, "time.goFunc", false},
		{11, "", false},
		{12, "example.com/runtime.F", false},
	}
	for _, c := range cases {
		if got := Hidden(c.id, c.start); got != c.want {
			t.Errorf("Hidden(%d, %q) = %v, want %v", c.id, c.start, got, c.want)
		}
	}
}

func TestStartFromStack(t *testing.T) {
	if got := StartFromStack(frames("runtime.gopark", "runtime.goparkunlock", "runtime.bgsweep")); got != "runtime.bgsweep" {
		t.Errorf("bgsweep: %q", got)
	}
	if got := StartFromStack(frames("sync.(*WaitGroup).Wait", "main.main", "runtime.main", "runtime.goexit")); got != "main.main" {
		t.Errorf("runtime.main: %q", got)
	}
	if got := StartFromStack(nil); got != "" {
		t.Errorf("empty: %q", got)
	}
}

func TestIsWrapperSave(t *testing.T) {
	for fn, want := range map[string]bool{
		"main.lockstepTraceSave":                           true,
		"main.lockstepTraceSave.func1":                     true,
		"main.lockstepTraceOnQuit.lockstepTraceSave.func1": true,
		"main.lockstepTraceStart":                          false,
		"main.lockstepTraceSaveAll":                        false,
		"prog_test.lockstepTraceSave":                      true,
		"example.com/prog.lockstepTraceSave":               true,
		"main.lockstepTraceWatch":                          false,
		"main.main":                                        false,
	} {
		if got := IsWrapperSave(fn); got != want {
			t.Errorf("IsWrapperSave(%q) = %v, want %v", fn, got, want)
		}
	}
}

func TestIsWatcher(t *testing.T) {
	for fn, want := range map[string]bool{
		"main.lockstepTraceWatch":             true,
		"prog.lockstepTraceWatchTraced":       true,
		"example.com/prog.lockstepTraceWatch": true,
		"main.lockstepTraceSave":              false,
		"main.lockstepTraceOnQuit":            false,
		"main.watch":                          false,
	} {
		if got := IsWatcher(fn); got != want {
			t.Errorf("IsWatcher(%q) = %v, want %v", fn, got, want)
		}
	}
}

func TestWatcherStopLog(t *testing.T) {
	watcher := frames("runtime/trace.Log", "main.lockstepTraceWatch")
	if !WatcherStopLog("lockstep", "stopped_all_waiting", watcher) {
		t.Error("the watcher's log is not recognised")
	}
	if WatcherStopLog("lockstep", "stopped_all_waiting", frames("runtime/trace.Log", "main.main")) {
		t.Error("a learner's log of the same text counts")
	}
	if WatcherStopLog("lockstep", "other", watcher) {
		t.Error("another message counts")
	}
}

func TestTrimRuntimeTop(t *testing.T) {
	got := TrimRuntimeTop(frames("runtime.gopark", "internal/sync.x", "sync.(*Mutex).Lock", "runtime.y", "main.main"))
	if want := frames("sync.(*Mutex).Lock", "runtime.y", "main.main"); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v", got)
	}
	only := frames("runtime.gopark", "runtime.bgsweep")
	if got := TrimRuntimeTop(only); !reflect.DeepEqual(got, only) {
		t.Errorf("runtime only: %v", got)
	}
}

func TestStripFile(t *testing.T) {
	prefixes := []string{"/sandbox/src/", "/usr/local/go/src/"}
	for in, want := range map[string]string{
		"/sandbox/src/main.go":            "main.go",
		"/usr/local/go/src/sync/mutex.go": "sync/mutex.go",
		"/elsewhere/x.go":                 "/elsewhere/x.go",
		"/sandbox/srcx/main.go":           "/sandbox/srcx/main.go",
	} {
		if got := StripFile(in, prefixes); got != want {
			t.Errorf("StripFile(%q) = %q, want %q", in, got, want)
		}
	}
}
