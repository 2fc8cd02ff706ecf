// Package timeline turns a Go execution trace into a compact JSON timeline of goroutines: who
// ran, waited (and on what, where, and who woke them), user regions, tasks and logs, and GC.
// The shape is part of the runner's contract: contract/timeline.ts describes the same JSON.
package timeline

// Version of the JSON shape; raised on any incompatible change.
const Version = 1

// Timeline is the converter's whole answer. Times are nanoseconds after the first event.
type Timeline struct {
	Version    int         `json:"version"`
	EndNs      int64       `json:"endNs"`
	Goroutines []Goroutine `json:"goroutines"`
	Spans      []Span      `json:"spans"`
	Regions    []Region    `json:"regions"`
	Tasks      []Task      `json:"tasks"`
	Logs       []Log       `json:"logs"`
	GC         []GC        `json:"gc"`
	// HiddenGoroutines counts the runtime's and the tracer's goroutines left out (0 with -all).
	HiddenGoroutines int        `json:"hiddenGoroutines"`
	Truncated        *Truncated `json:"truncated"`
}

// Frame is one call site; File is as the learner named it (main.go) or a Go std path (sync/mutex.go).
type Frame struct {
	Func string `json:"func"`
	File string `json:"file"`
	Line int    `json:"line"`
}

// Goroutine is one goroutine seen in the trace.
type Goroutine struct {
	ID int64 `json:"id"`
	// StartFunc is the function the goroutine began with (main.main for goroutine 1).
	StartFunc string `json:"startFunc"`
	// Created is the go statement that created it; nil when that happened before the trace began.
	Created *Frame `json:"created"`
}

// Span states.
const (
	StateRunning  = "running"
	StateRunnable = "runnable"
	StateWaiting  = "waiting"
	StateSyscall  = "syscall"
)

// Span is one stretch of time a goroutine spent in one state.
type Span struct {
	G     int64  `json:"g"`
	State string `json:"state"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
	// Reason is a Reason* code, for waiting and syscall spans.
	Reason string `json:"reason,omitempty"`
	// Stack is where the goroutine blocked (waiting) or entered the system call (syscall),
	// innermost first.
	Stack []Frame `json:"stack,omitempty"`
	// WokenBy is the goroutine that made a waiting goroutine runnable again, with its stack.
	WokenBy *Waker `json:"wokenBy,omitempty"`
}

// Waker is the goroutine that ended a wait, and where it was when it did.
type Waker struct {
	G     int64   `json:"g"`
	Stack []Frame `json:"stack"`
}

// Region is a runtime/trace region on one goroutine. Start is nil when it began before the
// trace's window, End when it had not ended by the trace's end.
type Region struct {
	G     int64  `json:"g"`
	Type  string `json:"type"`
	Task  uint64 `json:"task"`
	Start *int64 `json:"start"`
	End   *int64 `json:"end"`
}

// Task is a runtime/trace task (ID 0 is the background task, never listed).
type Task struct {
	ID     uint64 `json:"id"`
	Parent uint64 `json:"parent"`
	Type   string `json:"type"`
	Start  *int64 `json:"start"`
	End    *int64 `json:"end"`
}

// Log is one runtime/trace.Log call.
type Log struct {
	G        int64  `json:"g"`
	Task     uint64 `json:"task"`
	Category string `json:"category"`
	Message  string `json:"message"`
	T        int64  `json:"t"`
}

// GC kinds: a stop-the-world pause of the collector, or its concurrent mark phase.
const (
	GCPause = "pause"
	GCMark  = "mark"
)

// GC is one garbage-collector pause or mark phase.
type GC struct {
	Kind  string `json:"kind"`
	Start int64  `json:"start"`
	End   int64  `json:"end"`
}

// Why the timeline stops before the trace's end.
const (
	// CutMaxEvents: the event cap was reached.
	CutMaxEvents = "max_events"
	// CutMaxBytes: the output would have grown past the byte cap.
	CutMaxBytes = "max_bytes"
	// CutTraceEnded: the trace itself ends mid-way (a program killed while writing it).
	CutTraceEnded = "trace_cut"
	// CutStoppedAllWaiting: the stall watcher stopped tracing when every goroutine of the learner
	// waited on another; the runner drops it when the program never moved again (a deadlock).
	CutStoppedAllWaiting = "stopped_all_waiting"
)

// Truncated says that the timeline holds only what came before AfterEvents events.
type Truncated struct {
	AfterEvents int    `json:"afterEvents"`
	Cause       string `json:"cause"`
}
