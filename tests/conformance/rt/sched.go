// Package rt stands in for the parts of Go's runtime that sync.Mutex and sync.RWMutex call: a
// deterministic scheduler, the semaphore (sema.go), the spin decision (proc.go) and the clock.
//
// Every simulated goroutine is a real Go goroutine, but only one of them runs at a time: it runs
// until it reaches the next step boundary (Step), parks on a semaphore (Gopark) or returns, and
// only then does the scheduler hand control to whichever goroutine the move list names next. So a
// run is exactly one interleaving, the one the move list spells out, and replaying the same list
// always gives the same states. Control passes over unbuffered channels, so each hand-over is also
// a happens-before edge and the copied code may keep its plain loads of m.state.
package rt

import (
	"fmt"
	"runtime"
)

// SpinEnv holds the inputs of proc.go internal_sync_runtime_canSpin that a real machine supplies:
// the CPU count read at start-up, GOMAXPROCS, idle and spinning Ps, and whether this P's run queue
// is empty. The TypeScript model reads the same fields from its scenario.
type SpinEnv struct {
	NumCPUStartup  int32 `json:"numCPUStartup"`
	Gomaxprocs     int32 `json:"gomaxprocs"`
	Npidle         int32 `json:"npidle"`
	Nmspinning     int32 `json:"nmspinning"`
	LocalRunqEmpty bool  `json:"localRunqEmpty"`
}

// Pc values other than the step labels: where a goroutine is when it cannot be given a step.
const (
	PcStart  = "start"  // about to make the next call of its program
	PcParked = "parked" // asleep in gopark
	PcWoken  = "woken"  // readied by goready, will return from gopark when stepped
	PcDone   = "done"   // its program returned, or it died
)

// G is one simulated goroutine.
type G struct {
	ID string
	// Pc is the step this goroutine takes when it is next granted one (a label passed to Step),
	// or PcParked / PcDone.
	Pc string
	// Ip is the index of the call of its program it is in (bookkeeping for the comparison).
	Ip int
	// ParkedOn is the wait reason while parked (as in a goroutine dump).
	ParkedOn string
	grant    chan struct{}
}

// Sched runs one case. Only one Sched is live at a time (the tests run cases one after another),
// so the copied code can reach it the way Go's code reaches getg(): through the package variable.
type Sched struct {
	Gs  []*G
	Env SpinEnv
	// Now is runtime_nanotime(): it only moves when a move list says so (a tick).
	Now int64
	// Failure is the message of the fatal error / throw the program died with, or "".
	Failure string
	// MustRun is the goroutine a handoff put in runnext before yielding the P (semrelease1's
	// goyield), until it takes its step.
	MustRun *G
	runnext *G
	cur     *G
	done    chan struct{}
	stop    chan struct{}
	roots   map[*uint32]*semaRoot
}

var sched *Sched

// NewSched makes the live scheduler for one case; Stop must be called when the case ends.
func NewSched(env SpinEnv, now int64) *Sched {
	sched = &Sched{
		Env:   env,
		Now:   now,
		done:  make(chan struct{}),
		stop:  make(chan struct{}),
		roots: map[*uint32]*semaRoot{},
	}
	return sched
}

// Go starts a goroutine that runs body when first granted a step. With an empty program it is
// done before it starts, as in the TypeScript model.
func (s *Sched) Go(id string, empty bool, body func(g *G)) *G {
	g := &G{ID: id, Pc: PcStart, grant: make(chan struct{})}
	s.Gs = append(s.Gs, g)
	if empty {
		g.Pc = PcDone
		return g
	}
	go func() {
		g.wait()
		body(g)
		g.Pc = PcDone
		s.done <- struct{}{}
	}()
	return g
}

// Move gives goroutine id one step: it runs until its next step boundary, park or return.
func (s *Sched) Move(id string) error {
	var g *G
	for _, x := range s.Gs {
		if x.ID == id {
			g = x
		}
	}
	switch {
	case s.Failure != "":
		return fmt.Errorf("the program already died: %s", s.Failure)
	case g == nil:
		return fmt.Errorf("no goroutine %s", id)
	case g.Pc == PcParked || g.Pc == PcDone:
		return fmt.Errorf("%s cannot step (%s)", id, g.Pc)
	case s.Env.Gomaxprocs <= 1 && s.MustRun != nil && s.MustRun != g:
		return fmt.Errorf("%s cannot run before %s (runnext after a handoff)", id, s.MustRun.ID)
	}
	if s.MustRun == g {
		s.MustRun = nil // it runs now: runnext is empty again
	}
	s.cur = g
	g.grant <- struct{}{}
	<-s.done
	s.cur = nil
	return nil
}

// Enabled lists the goroutines a move may name now, in lane order: none once the program died,
// else those not parked or done, and with one P only the one a handoff put in runnext.
func (s *Sched) Enabled() []string {
	out := []string{}
	for _, g := range s.Gs {
		if s.Failure != "" || g.Pc == PcParked || g.Pc == PcDone {
			continue
		}
		if s.Env.Gomaxprocs <= 1 && s.MustRun != nil && s.MustRun != g {
			continue
		}
		out = append(out, g.ID)
	}
	return out
}

// Tick advances runtime_nanotime() by ns (a `{ "tick": ns }` move).
func (s *Sched) Tick(ns int64) { s.Now += ns }

// Stop ends every goroutine still waiting for a step, so a finished case leaves nothing behind.
func (s *Sched) Stop() { close(s.stop) }

func (g *G) wait() {
	select {
	case <-g.grant:
	case <-sched.stop:
		runtime.Goexit()
	}
}

// Getg is the running simulated goroutine (runtime.getg()).
func Getg() *G { return sched.cur }

// Step ends the current step: the goroutine stops at the boundary `pc` and waits to be granted
// the next one. The copies call it exactly where the TypeScript model starts a new micro-step.
func Step(pc string) {
	g := sched.cur
	g.Pc = pc
	sched.done <- struct{}{}
	g.wait()
}

// gopark puts the running goroutine to sleep; it continues (as a new step) once goready readied it
// and a move grants it a step.
func gopark(reason string) {
	g := sched.cur
	g.Pc = PcParked
	g.ParkedOn = reason
	sched.done <- struct{}{}
	g.wait()
	g.ParkedOn = ""
}

// Gopark is gopark for stand-ins outside this package (the RWMutex's writer lock).
func Gopark(reason string) { gopark(reason) }

// Goready is proc.go goready → ready(gp, traceskip, next=true): the goroutine becomes runnable and
// goes into the current P's runnext.
func Goready(gp *G) {
	gp.Pc = PcWoken
	sched.runnext = gp
}

// goyield (proc.go): the current goroutine gives up the P; with one P the goroutine in runnext runs
// next. The scheduler keeps it as MustRun until it has taken its step.
func goyield() { sched.MustRun = sched.runnext }

// Fatal is runtime.fatal / throw: the program dies with msg; the dying goroutine ends here.
func Fatal(msg string) {
	g := sched.cur
	sched.Failure = msg
	g.Pc = PcDone
	sched.done <- struct{}{}
	runtime.Goexit()
}

// Nanotime is runtime_nanotime: the case's logical clock.
func Nanotime() int64 { return sched.Now }
