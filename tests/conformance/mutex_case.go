package conformance

import (
	"lockstep.dev/conformance/isync"
	"lockstep.dev/conformance/rt"
)

// MutexSnap is the mutex model's state as the comparison sees it (scripts/conformance/snapshot.ts).
type MutexSnap struct {
	Word    int32    `json:"word"`
	Sema    SemaSnap `json:"sema"`
	Now     int64    `json:"now"`
	Holder  string   `json:"holder"`
	MustRun string   `json:"mustRun"`
	Failure string   `json:"failure"`
	Gs      []MutexG `json:"gs"`
	Enabled []string `json:"enabled"` // the goroutines a move may name next
}

// SemaSnap is a semaphore's count and its waiters, head first.
type SemaSnap struct {
	Count   uint32   `json:"count"`
	Waiters []string `json:"waiters"`
}

// MutexG is one goroutine: its call, where it is in it, and what its TryLocks returned.
type MutexG struct {
	ID      string `json:"id"`
	Ip      int    `json:"ip"`
	Pc      string `json:"pc"`
	TryLock []bool `json:"tryLock"`
}

type mutexRun struct {
	s      *rt.Sched
	m      *isync.Mutex
	holder string // who acquired last and has not unlocked (bookkeeping, as in the model)
	tries  map[string][]bool
}

func startMutex(c Case) (run, *rt.Sched) {
	r := &mutexRun{s: rt.NewSched(c.SpinEnv, c.Now), m: &isync.Mutex{}, tries: map[string][]bool{}}
	for _, p := range c.Programs {
		prog := p.Program
		r.tries[p.ID] = []bool{}
		r.s.Go(p.ID, len(prog) == 0, func(g *rt.G) {
			for {
				switch prog[g.Ip] {
				case "lock":
					r.m.Lock()
					r.holder = g.ID
				case "tryLock":
					ok := r.m.TryLock()
					r.tries[g.ID] = append(r.tries[g.ID], ok)
					if ok {
						r.holder = g.ID
					}
				case "unlock":
					if r.holder == g.ID {
						r.holder = ""
					}
					r.m.Unlock()
				case "work":
				}
				g.Ip++
				if g.Ip == len(prog) {
					return
				}
				rt.Step(rt.PcStart)
			}
		})
	}
	return r, r.s
}

func (r *mutexRun) blank() any { return &MutexSnap{} }

func (r *mutexRun) snapshot() any {
	snap := &MutexSnap{
		Word:    r.m.State(),
		Sema:    SemaSnap{Count: *r.m.Sema(), Waiters: rt.Waiters(r.m.Sema())},
		Now:     r.s.Now,
		Holder:  r.holder,
		Failure: r.s.Failure,
		Gs:      []MutexG{},
		Enabled: r.s.Enabled(),
	}
	if r.s.MustRun != nil {
		snap.MustRun = r.s.MustRun.ID
	}
	for _, g := range r.s.Gs {
		snap.Gs = append(snap.Gs, MutexG{ID: g.ID, Ip: g.Ip, Pc: g.Pc, TryLock: r.tries[g.ID]})
	}
	return snap
}
