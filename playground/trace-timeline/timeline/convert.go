package timeline

import (
	"errors"
	"fmt"
	"io"

	"golang.org/x/exp/trace"
)

// Error codes of a conversion that produced no timeline (main prints them as JSON; the list is
// contract/timeline.ts's TIMELINE_ERRORS).
const (
	ErrNotATrace  = "not_a_trace"     // no trace header, or a version this reader does not know
	ErrMalformed  = "malformed_trace" // unreadable before its first event, or it holds no events
	ErrInputLimit = "input_too_large"
	ErrOutputSize = "output_too_large"
	ErrTimeout    = "timeout" // the conversion took longer than its time limit
	ErrIO         = "io"      // the input could not be opened or the output written
	ErrUsage      = "usage"
)

// Error is a conversion failure with a code for the caller and a detail for logs.
type Error struct {
	Code   string
	Detail string
}

func (e *Error) Error() string { return e.Code + ": " + e.Detail }

// Options of one conversion.
type Options struct {
	// All keeps the runtime's and the tracer's goroutines.
	All bool
	// Strip lists path prefixes removed from files (the build directory, GOROOT/src/).
	Strip []string
	// MaxEvents stops after this many trace events.
	MaxEvents int
	// MaxBytes caps the timeline's JSON.
	MaxBytes int
	// MaxStack caps the frames kept per stack.
	MaxStack int
	// InputTooLarge, if set, tells whether a read error came from the caller's input cap.
	InputTooLarge func() bool
}

// Convert reads a whole trace and folds it into a timeline. A trace that ends mid-way (a program
// killed while writing it) gives what was read, marked truncated; one that cannot be read at all
// is an *Error. A trace that makes the reader panic is reported as malformed, not a crash.
func Convert(r io.Reader, opts Options) (tl *Timeline, err error) {
	defer func() {
		if p := recover(); p != nil {
			tl, err = nil, &Error{Code: ErrMalformed, Detail: fmt.Sprint("reader panic: ", p)}
		}
	}()
	inputCap := func(err error) error {
		if opts.InputTooLarge != nil && opts.InputTooLarge() {
			return &Error{Code: ErrInputLimit, Detail: err.Error()}
		}
		return nil
	}
	reader, err := trace.NewReader(r)
	if err != nil {
		if capErr := inputCap(err); capErr != nil {
			return nil, capErr
		}
		return nil, &Error{Code: ErrNotATrace, Detail: err.Error()}
	}
	c := converter{opts: opts, b: NewBuilder(opts.All, opts.MaxBytes)}
	var truncated *Truncated
	for {
		ev, err := reader.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if capErr := inputCap(err); capErr != nil {
				return nil, capErr
			}
			if c.events == 0 {
				return nil, &Error{Code: ErrMalformed, Detail: err.Error()}
			}
			truncated = &Truncated{AfterEvents: c.events, Cause: CutTraceEnded}
			break
		}
		if c.events >= opts.MaxEvents {
			truncated = &Truncated{AfterEvents: c.events, Cause: CutMaxEvents}
			break
		}
		if c.event(ev) {
			break // the wrapper began writing the trace: the program had ended
		}
		c.events++
		if c.b.Full() {
			truncated = &Truncated{AfterEvents: c.events, Cause: CutMaxBytes}
			break
		}
	}
	if c.content == 0 {
		return nil, &Error{Code: ErrMalformed, Detail: "the trace holds no events"}
	}
	if c.watcherStopped && truncated == nil {
		truncated = &Truncated{AfterEvents: c.events, Cause: CutStoppedAllWaiting}
	}
	return c.b.Finish(c.last, truncated), nil
}

type converter struct {
	opts    Options
	b       *Builder
	events  int
	content int // events other than Sync: a header alone, or syncs alone, is no trace
	origin  trace.Time
	last    int64
	// watcherStopped: the stall watcher stopped tracing (its log event ended the timeline).
	watcherStopped bool
}

// event feeds one event to the builder; it reports true at the wrapper's first event.
func (c *converter) event(ev trace.Event) (programEnded bool) {
	if c.events == 0 {
		c.origin = ev.Time()
	}
	t := int64(ev.Time() - c.origin)
	if ev.Kind() != trace.EventSync {
		c.content++
	}
	stack, stackEnded := c.frames(ev.Stack())
	switch ev.Kind() {
	case trace.EventStateTransition:
		st := ev.StateTransition()
		own, ownEnded := c.frames(st.Stack)
		if stackEnded || ownEnded {
			return true
		}
		c.last = t
		if st.Resource.Kind != trace.ResourceGoroutine {
			return false
		}
		id := int64(st.Resource.Goroutine())
		from, to := st.Goroutine()
		if from == trace.GoNotExist && to == trace.GoRunnable {
			var created *Frame
			if len(stack) > 0 {
				created = &stack[0]
			}
			start := ""
			if len(own) > 0 {
				start = own[0].Func
			}
			c.b.Created(id, start, created)
			own = nil // the new goroutine's "stack" is only its start function
		}
		c.b.Transition(t, id, stateName(to), st.Reason, own, int64(ev.Goroutine()), stack)
		return false
	}
	if stackEnded {
		return true
	}
	c.last = t
	switch ev.Kind() {
	case trace.EventRegionBegin:
		r := ev.Region()
		c.b.RegionBegin(t, int64(ev.Goroutine()), uint64(r.Task), r.Type)
	case trace.EventRegionEnd:
		r := ev.Region()
		c.b.RegionEnd(t, int64(ev.Goroutine()), uint64(r.Task), r.Type)
	case trace.EventTaskBegin:
		k := ev.Task()
		c.b.TaskBegin(t, uint64(k.ID), taskParent(k.Parent), k.Type)
	case trace.EventTaskEnd:
		k := ev.Task()
		c.b.TaskEnd(t, uint64(k.ID), taskParent(k.Parent), k.Type)
	case trace.EventLog:
		l := ev.Log()
		if WatcherStopLog(l.Category, l.Message, stack) {
			c.watcherStopped = true
			return true // what follows is the trace being completed
		}
		c.b.Log(t, int64(ev.Goroutine()), uint64(l.Task), l.Category, l.Message)
	case trace.EventRangeBegin, trace.EventRangeActive:
		if kind := GCKind(ev.Range().Name); kind != "" {
			c.b.GCBegin(t, kind)
		}
	case trace.EventRangeEnd:
		if kind := GCKind(ev.Range().Name); kind != "" {
			c.b.GCEnd(t, kind)
		}
	}
	return false
}

// taskParent maps "no parent" to 0, the background task.
func taskParent(id trace.TaskID) uint64 {
	if id == trace.NoTask {
		return 0
	}
	return uint64(id)
}

// frames copies a stack (at most MaxStack frames, files stripped) and reports whether it is in
// the wrapper's save function.
func (c *converter) frames(s trace.Stack) (out []Frame, wrapperSave bool) {
	if s == trace.NoStack {
		return nil, false
	}
	for f := range s.Frames() {
		if IsWrapperSave(f.Func) {
			wrapperSave = true
		}
		if len(out) < c.opts.MaxStack {
			out = append(out, Frame{Func: f.Func, File: StripFile(f.File, c.opts.Strip), Line: int(f.Line)})
		}
	}
	return out, wrapperSave
}

func stateName(s trace.GoState) string {
	switch s {
	case trace.GoRunning:
		return StateRunning
	case trace.GoRunnable:
		return StateRunnable
	case trace.GoWaiting:
		return StateWaiting
	case trace.GoSyscall:
		return StateSyscall
	}
	return ""
}
