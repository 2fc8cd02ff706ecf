package conformance

import (
	"lockstep.dev/conformance/rt"
	"lockstep.dev/conformance/rwsync"
)

// RWMutexSnap is the rwmutex model's state as the comparison sees it (scripts/conformance/snapshot.ts).
type RWMutexSnap struct {
	ReaderCount int32    `json:"readerCount"`
	ReaderWait  int32    `json:"readerWait"`
	ReaderSem   SemaSnap `json:"readerSem"`
	WriterSem   SemaSnap `json:"writerSem"`
	W           WSnap    `json:"w"`
	Failure     string   `json:"failure"`
	Gs          []RWG    `json:"gs"`
	Enabled     []string `json:"enabled"` // the goroutines a move may name next
}

// WSnap is the writer lock w.
type WSnap struct {
	Locked  bool     `json:"locked"`
	Holder  string   `json:"holder"`
	Waiters []string `json:"waiters"`
}

// RWG is one goroutine. The locks it holds are bookkeeping (Go keeps no owner); after a fatal
// error the model and the copy need not agree on them, so both leave them out then.
type RWG struct {
	ID        string `json:"id"`
	Ip        int    `json:"ip"`
	Pc        string `json:"pc"`
	BlockedOn string `json:"blockedOn"` // w, readerSem or writerSem while parked, else ""
	ReadHeld  int    `json:"readHeld"`
	WriteHeld bool   `json:"writeHeld"`
}

// parkedOn maps a wait reason to the model's name of what the goroutine sleeps on.
var parkedOn = map[string]string{
	"sync.Mutex.Lock":    "w",
	"sync.RWMutex.RLock": "readerSem",
	"sync.RWMutex.Lock":  "writerSem",
}

type rwRun struct {
	s         *rt.Sched
	rw        *rwsync.RWMutex
	readHeld  map[string]int
	writeHeld map[string]bool
}

func startRWMutex(c Case) (run, *rt.Sched) {
	r := &rwRun{s: rt.NewSched(c.SpinEnv, c.Now), rw: &rwsync.RWMutex{}, readHeld: map[string]int{}, writeHeld: map[string]bool{}}
	for _, p := range c.Programs {
		prog := p.Program
		r.s.Go(p.ID, len(prog) == 0, func(g *rt.G) {
			for {
				switch prog[g.Ip] {
				case "rlock":
					r.rw.RLock()
					r.readHeld[g.ID]++
				case "runlock":
					r.readHeld[g.ID] = max(0, r.readHeld[g.ID]-1)
					r.rw.RUnlock()
				case "lock":
					r.rw.Lock()
					r.writeHeld[g.ID] = true
				case "unlock":
					r.writeHeld[g.ID] = false
					r.rw.Unlock()
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

func (r *rwRun) blank() any { return &RWMutexSnap{} }

func (r *rwRun) snapshot() any {
	w := r.rw.W()
	snap := &RWMutexSnap{
		ReaderCount: r.rw.ReaderCount(),
		ReaderWait:  r.rw.ReaderWait(),
		ReaderSem:   SemaSnap{Count: *r.rw.ReaderSem(), Waiters: rt.Waiters(r.rw.ReaderSem())},
		WriterSem:   SemaSnap{Count: *r.rw.WriterSem(), Waiters: rt.Waiters(r.rw.WriterSem())},
		W:           WSnap{Locked: w.Locked(), Holder: w.Holder(), Waiters: w.Waiters()},
		Failure:     r.s.Failure,
		Gs:          []RWG{},
		Enabled:     r.s.Enabled(),
	}
	for _, g := range r.s.Gs {
		x := RWG{ID: g.ID, Ip: g.Ip, Pc: g.Pc}
		if g.Pc == rt.PcParked {
			x.BlockedOn = parkedOn[g.ParkedOn]
		}
		if r.s.Failure == "" {
			x.ReadHeld, x.WriteHeld = r.readHeld[g.ID], r.writeHeld[g.ID]
		}
		snap.Gs = append(snap.Gs, x)
	}
	return snap
}
