package timeline

import (
	"encoding/json"
	"strings"
)

// Builder folds a trace's events, in order, into a Timeline. It does no I/O and knows nothing of
// the trace format: convert.go feeds it. Times are nanoseconds after the first event.
//
// Size: every item is counted (as its JSON) when it is added, and an item that would take the
// output past the byte budget is refused; Full then tells the caller to stop. An open span is
// counted with the widest end it can get, so closing it later never makes the output larger.
type Builder struct {
	all    bool
	budget int
	size   int
	full   bool

	goroutines map[int64]*goroutineInfo
	order      []int64 // goroutines in first-seen order
	spans      []Span
	openSpan   map[int64]int   // goroutine → index of its open span
	openRegion map[int64][]int // goroutine → indices of its open regions, innermost last
	regions    []Region
	tasks      []Task
	taskIndex  map[uint64]int
	logs       []Log
	gc         []GC
	openGC     map[string]int // kind → index of the open one
	last       int64
}

type goroutineInfo struct {
	entry   Goroutine
	counted bool // its entry is in size
}

// fixedOverhead is the JSON around the lists (field names, version, endNs, truncated).
const fixedOverhead = 512

// widestTime stands in for a time not yet known when an item's size is counted.
const widestTime = int64(1) << 62

// NewBuilder makes a builder: all keeps the runtime's goroutines; maxBytes caps the JSON.
func NewBuilder(all bool, maxBytes int) *Builder {
	return &Builder{
		all:        all,
		budget:     maxBytes - fixedOverhead,
		goroutines: map[int64]*goroutineInfo{},
		openSpan:   map[int64]int{},
		openRegion: map[int64][]int{},
		taskIndex:  map[uint64]int{},
		openGC:     map[string]int{},
	}
}

// Full reports that an item was refused for the byte budget: stop feeding events.
func (b *Builder) Full() bool { return b.full }

// reserve counts an item's JSON (and its comma), or refuses it when it does not fit.
func (b *Builder) reserve(item any) bool {
	if b.full {
		return false
	}
	data, err := json.Marshal(item)
	if err != nil || b.size+len(data)+1 > b.budget {
		b.full = true
		return false
	}
	b.size += len(data) + 1
	return true
}

func (b *Builder) at(t int64) int64 {
	if t < b.last {
		t = b.last // the reader orders events; never let a span run backwards
	}
	b.last = t
	return t
}

// goroutine returns a goroutine's record, made on first sight.
func (b *Builder) goroutine(id int64) *goroutineInfo {
	g, ok := b.goroutines[id]
	if !ok {
		g = &goroutineInfo{entry: Goroutine{ID: id}}
		if id == 1 {
			g.entry.StartFunc = "main.main"
		}
		b.goroutines[id] = g
		b.order = append(b.order, id)
	}
	return g
}

func (b *Builder) hidden(id int64) bool {
	if b.all {
		return false
	}
	g, ok := b.goroutines[id]
	return ok && Hidden(id, g.entry.StartFunc)
}

// shown counts a goroutine's entry the first time it has something to show.
func (b *Builder) shown(id int64) bool {
	g := b.goroutine(id)
	if b.hidden(id) {
		return false
	}
	if !g.counted {
		if !b.reserve(g.entry) {
			return false
		}
		g.counted = true
	}
	return true
}

// Created records a go statement: the new goroutine's start function and where it was created.
func (b *Builder) Created(id int64, startFunc string, created *Frame) {
	g := b.goroutine(id)
	if startFunc != "" {
		g.entry.StartFunc = startFunc
	}
	g.entry.Created = created
}

// Transition records a goroutine's change of state (State* constants, or "" for not existing or
// unknown). runtimeReason and stack are the transition's own: the blocking stack of a wait. waker
// and wakerStack are the goroutine that caused it (-1 for none) and its stack.
func (b *Builder) Transition(t, id int64, to, runtimeReason string, stack []Frame, waker int64, wakerStack []Frame) {
	t = b.at(t)
	g := b.goroutine(id)
	if g.entry.StartFunc == "" && len(stack) > 0 {
		g.entry.StartFunc = StartFromStack(stack)
	}
	if i, ok := b.openSpan[id]; ok && b.spans[i].State == to {
		// Not a change: the reader restates every goroutine's state at each generation of the
		// trace (GODEBUG traceadvanceperiod makes them frequent); one wait stays one span.
		return
	}
	if i, ok := b.openSpan[id]; ok {
		delete(b.openSpan, id)
		span := &b.spans[i]
		span.End = t
		if span.State == StateWaiting && to == StateRunnable && waker >= 0 && waker != id {
			woken := &Waker{G: waker, Stack: TrimRuntimeTop(wakerStack)}
			if woken.Stack == nil {
				woken.Stack = []Frame{}
			}
			if b.reserve(struct {
				W *Waker `json:"wokenBy"`
			}{woken}) {
				span.WokenBy = woken
			}
		}
	}
	if to == "" || !b.shown(id) {
		return
	}
	span := Span{G: id, State: to, Start: t, End: widestTime}
	switch to {
	case StateWaiting:
		span.Reason = WaitReason(runtimeReason, stack)
		span.Stack = TrimRuntimeTop(stack)
	case StateSyscall:
		span.Reason = ReasonSyscall
		span.Stack = TrimRuntimeTop(stack)
	}
	if !b.reserve(span) {
		return
	}
	b.openSpan[id] = len(b.spans)
	b.spans = append(b.spans, span)
}

// RegionBegin opens a region on a goroutine.
func (b *Builder) RegionBegin(t, g int64, task uint64, typ string) {
	t = b.at(t)
	if !b.shown(g) {
		return
	}
	r := Region{G: g, Type: typ, Task: task, Start: &t, End: ptr(widestTime)}
	if !b.reserve(r) {
		return
	}
	r.End = nil
	b.openRegion[g] = append(b.openRegion[g], len(b.regions))
	b.regions = append(b.regions, r)
}

// RegionEnd closes the innermost open region of that type on the goroutine, or records a region
// that began before the trace's window.
func (b *Builder) RegionEnd(t, g int64, task uint64, typ string) {
	t = b.at(t)
	open := b.openRegion[g]
	for i := len(open) - 1; i >= 0; i-- {
		if r := &b.regions[open[i]]; r.Type == typ {
			r.End = &t
			b.openRegion[g] = append(open[:i:i], open[i+1:]...)
			return
		}
	}
	if !b.shown(g) {
		return
	}
	r := Region{G: g, Type: typ, Task: task, End: &t}
	if b.reserve(r) {
		b.regions = append(b.regions, r)
	}
}

// TaskBegin records a task's start.
func (b *Builder) TaskBegin(t int64, id, parent uint64, typ string) {
	t = b.at(t)
	task := Task{ID: id, Parent: parent, Type: typ, Start: &t, End: ptr(widestTime)}
	if !b.reserve(task) {
		return
	}
	task.End = nil
	b.taskIndex[id] = len(b.tasks)
	b.tasks = append(b.tasks, task)
}

// TaskEnd records a task's end (and the task, if it began before the trace's window).
func (b *Builder) TaskEnd(t int64, id, parent uint64, typ string) {
	t = b.at(t)
	if i, ok := b.taskIndex[id]; ok {
		b.tasks[i].End = &t
		return
	}
	task := Task{ID: id, Parent: parent, Type: typ, End: &t}
	if b.reserve(task) {
		b.taskIndex[id] = len(b.tasks)
		b.tasks = append(b.tasks, task)
	}
}

// Log records a runtime/trace.Log call.
func (b *Builder) Log(t, g int64, task uint64, category, message string) {
	t = b.at(t)
	if !b.shown(g) {
		return
	}
	l := Log{G: g, Task: task, Category: category, Message: message, T: t}
	if b.reserve(l) {
		b.logs = append(b.logs, l)
	}
}

// GCKind tells a runtime range that is a GC pause or mark phase, by its name.
func GCKind(rangeName string) string {
	switch {
	case rangeName == "GC concurrent mark phase":
		return GCMark
	case strings.HasPrefix(rangeName, "stop-the-world (GC "):
		return GCPause
	}
	return ""
}

// GCBegin opens a GC pause or mark phase (kind from GCKind).
func (b *Builder) GCBegin(t int64, kind string) {
	t = b.at(t)
	if _, open := b.openGC[kind]; open {
		return
	}
	gc := GC{Kind: kind, Start: t, End: widestTime}
	if b.reserve(gc) {
		b.openGC[kind] = len(b.gc)
		b.gc = append(b.gc, gc)
	}
}

// GCEnd closes it.
func (b *Builder) GCEnd(t int64, kind string) {
	t = b.at(t)
	if i, ok := b.openGC[kind]; ok {
		b.gc[i].End = t
		delete(b.openGC, kind)
	}
}

// Finish closes what is still open at end and returns the timeline without hidden goroutines.
func (b *Builder) Finish(end int64, truncated *Truncated) *Timeline {
	end = b.at(end)
	tl := &Timeline{
		Version: Version, EndNs: end, Truncated: truncated,
		Goroutines: []Goroutine{}, Spans: []Span{}, Regions: []Region{}, Tasks: []Task{}, Logs: []Log{}, GC: []GC{},
	}
	for _, i := range b.openSpan {
		b.spans[i].End = end
	}
	for _, i := range b.openGC {
		b.gc[i].End = end
	}
	for _, id := range b.order {
		switch g := b.goroutines[id]; {
		case b.hidden(id):
			tl.HiddenGoroutines++
		case g.counted:
			tl.Goroutines = append(tl.Goroutines, g.entry)
		}
	}
	for _, s := range b.spans {
		if !b.hidden(s.G) {
			tl.Spans = append(tl.Spans, s)
		}
	}
	for _, r := range b.regions {
		if !b.hidden(r.G) {
			tl.Regions = append(tl.Regions, r)
		}
	}
	for _, l := range b.logs {
		if !b.hidden(l.G) {
			tl.Logs = append(tl.Logs, l)
		}
	}
	tl.Tasks = append(tl.Tasks, b.tasks...)
	tl.GC = append(tl.GC, b.gc...)
	return tl
}

func ptr[T any](v T) *T { return &v }
