// The RWMutex's writer lock w as the TypeScript model simplifies it (rwmutex/state.ts WriterLock,
// write.ts lock/unlockW): Lock takes it if free, else queues FIFO and parks (wait reason
// sync.Mutex.Lock); Unlock hands it to the first queued writer, who returns from Lock when
// stepped. The real w is a sync.Mutex; this is the one declared simplification of the model, and
// this stand-in makes the comparison check everything around it.

package rwsync

import "lockstep.dev/conformance/rt"

type writerLock struct {
	locked  bool
	holder  *rt.G
	waiters []*rt.G
}

func (w *writerLock) Lock() {
	if !w.locked {
		w.locked, w.holder = true, rt.Getg()
		return
	}
	w.waiters = append(w.waiters, rt.Getg())
	rt.Gopark("sync.Mutex.Lock") // Unlock made us the holder before readying us
}

func (w *writerLock) Unlock() {
	if len(w.waiters) == 0 {
		w.locked, w.holder = false, nil
		return
	}
	next := w.waiters[0]
	w.waiters = w.waiters[1:]
	w.holder = next
	rt.Goready(next)
}

// Locked, Holder and Waiters expose the lock for the comparison.
func (w *writerLock) Locked() bool { return w.locked }

func (w *writerLock) Holder() string {
	if w.holder == nil {
		return ""
	}
	return w.holder.ID
}

func (w *writerLock) Waiters() []string {
	out := []string{}
	for _, g := range w.waiters {
		out = append(out, g.ID)
	}
	return out
}
