package timeline

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestFoldSpansAndWaker(t *testing.T) {
	b := NewBuilder(false, 1<<20)
	lock := frames("runtime.gopark", "sync.(*Mutex).Lock", "main.worker")
	unlock := frames("sync.(*Mutex).Unlock", "main.main")
	b.Created(7, "main.worker", &Frame{Func: "main.main", File: "main.go", Line: 17})
	b.Transition(10, 7, StateRunnable, "", nil, 1, nil)
	b.Transition(20, 7, StateRunning, "", nil, -1, nil)
	b.Transition(30, 7, StateWaiting, "sync", lock, 7, lock)
	b.Transition(50, 7, StateRunnable, "", nil, 1, unlock)
	b.Transition(60, 7, StateRunning, "", nil, -1, nil)
	b.Transition(70, 7, "", "", nil, 7, nil) // exits
	tl := b.Finish(80, nil)

	want := []Span{
		{G: 7, State: StateRunnable, Start: 10, End: 20},
		{G: 7, State: StateRunning, Start: 20, End: 30},
		{G: 7, State: StateWaiting, Start: 30, End: 50, Reason: ReasonMutex, Stack: lock[1:],
			WokenBy: &Waker{G: 1, Stack: unlock}},
		{G: 7, State: StateRunnable, Start: 50, End: 60},
		{G: 7, State: StateRunning, Start: 60, End: 70},
	}
	if !reflect.DeepEqual(tl.Spans, want) {
		t.Errorf("spans:\n got %+v\nwant %+v", tl.Spans, want)
	}
	if len(tl.Goroutines) != 1 || tl.Goroutines[0].StartFunc != "main.worker" || tl.Goroutines[0].Created.Line != 17 {
		t.Errorf("goroutines: %+v", tl.Goroutines)
	}
	if tl.EndNs != 80 {
		t.Errorf("end %d", tl.EndNs)
	}
}

// A restated state (each trace generation restates every goroutine's) does not split a span.
func TestFoldRestatedStateKeepsOneSpan(t *testing.T) {
	b := NewBuilder(false, 1<<20)
	lock := frames("sync.(*Mutex).Lock", "main.main")
	b.Transition(0, 1, StateWaiting, "sync", lock, 1, lock)
	b.Transition(50, 1, StateWaiting, "", lock, -1, nil)
	b.Transition(100, 1, StateWaiting, "", lock, -1, nil)
	tl := b.Finish(120, nil)
	want := []Span{{G: 1, State: StateWaiting, Start: 0, End: 120, Reason: ReasonMutex, Stack: lock}}
	if !reflect.DeepEqual(tl.Spans, want) {
		t.Errorf("spans: %s", mustJSON(tl.Spans))
	}
}

func TestFoldOpenSpansCloseAtEnd(t *testing.T) {
	b := NewBuilder(false, 1<<20)
	b.Transition(0, 1, StateWaiting, "", frames("runtime.gopark", "sync.(*WaitGroup).Wait", "main.main"), -1, nil)
	tl := b.Finish(99, &Truncated{AfterEvents: 5, Cause: CutTraceEnded})
	if len(tl.Spans) != 1 || tl.Spans[0].End != 99 || tl.Spans[0].Reason != ReasonWaitGroup || tl.Spans[0].WokenBy != nil {
		t.Errorf("spans: %+v", tl.Spans)
	}
	if tl.Truncated.AfterEvents != 5 {
		t.Errorf("truncated: %+v", tl.Truncated)
	}
}

func TestFoldNoSelfWakerNoWakerForOtherStates(t *testing.T) {
	b := NewBuilder(false, 1<<20)
	b.Transition(0, 5, StateWaiting, "sleep", frames("time.Sleep", "main.nap"), 5, nil)
	b.Transition(5, 5, StateRunnable, "", nil, 5, frames("main.nap")) // itself: not a waker
	b.Transition(6, 5, StateRunning, "", nil, 9, frames("main.x"))    // runnable→running: no waker
	tl := b.Finish(10, nil)
	for _, s := range tl.Spans {
		if s.WokenBy != nil {
			t.Errorf("span %+v has a waker", s)
		}
	}
}

func TestFoldHidesRuntimeGoroutines(t *testing.T) {
	for _, all := range []bool{false, true} {
		b := NewBuilder(all, 1<<20)
		b.Created(20, "runtime.traceStartReadCPU.func1", nil)
		b.Transition(1, 20, StateRunnable, "", nil, 1, nil)
		b.Transition(2, 2, StateWaiting, "", frames("runtime.gopark", "runtime.forcegchelper"), -1, nil)
		b.Transition(3, 8, StateRunnable, "", nil, 1, nil)
		b.Created(8, "main.f", nil) // learned late: still shown
		b.Log(4, 20, 0, "c", "m")
		tl := b.Finish(5, nil)
		ids := map[int64]bool{}
		for _, s := range tl.Spans {
			ids[s.G] = true
		}
		if all {
			if !ids[20] || !ids[2] || !ids[8] || tl.HiddenGoroutines != 0 || len(tl.Logs) != 1 {
				t.Errorf("all: spans of %v, hidden %d, logs %d", ids, tl.HiddenGoroutines, len(tl.Logs))
			}
		} else if ids[20] || ids[2] || !ids[8] || tl.HiddenGoroutines != 2 || len(tl.Goroutines) != 1 || len(tl.Logs) != 0 {
			t.Errorf("default: spans of %v, hidden %d, goroutines %+v, logs %d", ids, tl.HiddenGoroutines, tl.Goroutines, len(tl.Logs))
		}
	}
}

func TestFoldRegionsAndTasks(t *testing.T) {
	b := NewBuilder(false, 1<<20)
	b.Transition(0, 1, StateRunning, "", nil, -1, nil)
	b.TaskBegin(1, 1, 0, "order")
	b.RegionBegin(2, 1, 1, "outer")
	b.RegionBegin(3, 1, 1, "inner")
	b.RegionEnd(4, 1, 1, "inner")
	b.RegionEnd(5, 1, 1, "outer")
	b.RegionEnd(6, 1, 0, "began-before") // its begin is outside the window
	b.RegionBegin(7, 1, 0, "never-ends")
	b.TaskEnd(8, 1, 0, "order")
	b.TaskEnd(9, 4, 1, "earlier")
	tl := b.Finish(10, nil)
	p := func(v int64) *int64 { return &v }
	wantRegions := []Region{
		{G: 1, Type: "outer", Task: 1, Start: p(2), End: p(5)},
		{G: 1, Type: "inner", Task: 1, Start: p(3), End: p(4)},
		{G: 1, Type: "began-before", Task: 0, End: p(6)},
		{G: 1, Type: "never-ends", Task: 0, Start: p(7)},
	}
	if !reflect.DeepEqual(tl.Regions, wantRegions) {
		t.Errorf("regions: %s", mustJSON(tl.Regions))
	}
	wantTasks := []Task{{ID: 1, Type: "order", Start: p(1), End: p(8)}, {ID: 4, Parent: 1, Type: "earlier", End: p(9)}}
	if !reflect.DeepEqual(tl.Tasks, wantTasks) {
		t.Errorf("tasks: %s", mustJSON(tl.Tasks))
	}
}

func TestFoldGC(t *testing.T) {
	if GCKind("stop-the-world (GC sweep termination)") != GCPause || GCKind("GC concurrent mark phase") != GCMark ||
		GCKind("stop-the-world (read mem stats)") != "" || GCKind("GC incremental sweep") != "" {
		t.Error("GCKind")
	}
	b := NewBuilder(false, 1<<20)
	b.GCBegin(1, GCMark)
	b.GCBegin(2, GCPause)
	b.GCEnd(3, GCPause)
	b.GCEnd(4, GCPause) // no open pause: ignored
	tl := b.Finish(9, nil)
	want := []GC{{Kind: GCMark, Start: 1, End: 9}, {Kind: GCPause, Start: 2, End: 3}}
	if !reflect.DeepEqual(tl.GC, want) {
		t.Errorf("gc: %+v", tl.GC)
	}
}

// The byte cap refuses the item that would not fit, and the output stays under it.
func TestFoldByteCap(t *testing.T) {
	const maxBytes = 2048
	b := NewBuilder(false, maxBytes)
	stack := frames("sync.(*Mutex).Lock", "main.worker")
	n := 0
	for ; !b.Full(); n++ {
		b.Transition(int64(2*n), int64(n+1), StateWaiting, "sync", stack, -1, nil)
		b.Transition(int64(2*n+1), int64(n+1), StateRunnable, "", nil, 1, stack)
	}
	tl := b.Finish(int64(2*n), &Truncated{AfterEvents: n, Cause: CutMaxBytes})
	if out := mustJSON(tl); len(out) > maxBytes {
		t.Errorf("%d bytes over a cap of %d", len(out), maxBytes)
	}
	if n < 3 {
		t.Errorf("only %d goroutines fitted in %d bytes", n, maxBytes)
	}
}

func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
