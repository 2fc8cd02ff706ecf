package inventory

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// TestAvailableDuringReservation keeps a supplier call in flight and reads
// the same item: the item's lock must not be held across the call either,
// and the units being confirmed are already out of the available stock. A
// refused reservation gives its units back.
func TestAvailableDuringReservation(t *testing.T) {
	started, release := make(chan struct{}), make(chan error)
	s := New(func(string, int) error {
		started <- struct{}{}
		return <-release
	})
	s.AddItem("lamp", 10)
	for _, answer := range []error{nil, errors.New("refused")} {
		done := make(chan error)
		go func() { done <- s.Reserve("lamp", 3) }()
		<-started
		before, _ := s.Available("lamp")
		release <- answer
		err := <-done
		after, _ := s.Available("lamp")
		switch {
		case answer == nil && (err != nil || before != 7 || after != 7):
			t.Fatalf("confirmed Reserve(lamp, 3) from 10: Available %d during the call, %d after, err %v; want 7, 7, nil", before, after, err)
		case answer != nil && (err == nil || before != 4 || after != 7):
			t.Fatalf("refused Reserve(lamp, 3) from 7: Available %d during the call, %d after, err %v; want 4, 7, the supplier's error", before, after, err)
		}
	}
}

// TestConcurrentReservationsNeverOversell: 8 goroutines reserve 20 units
// each, one at a time, from a stock of 50. Exactly 50 succeed, and the
// supplier is asked only for units that were taken.
func TestConcurrentReservationsNeverOversell(t *testing.T) {
	var calls atomic.Int32
	s := New(func(string, int) error { calls.Add(1); return nil })
	s.AddItem("lamp", 50)
	var ok, out atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				switch err := s.Reserve("lamp", 1); {
				case err == nil:
					ok.Add(1)
				case errors.Is(err, ErrOutOfStock):
					out.Add(1)
				default:
					t.Errorf("Reserve(lamp, 1) = %v", err)
				}
			}
		}()
	}
	wg.Wait()
	if ok.Load() != 50 || out.Load() != 110 {
		t.Fatalf("160 reservations of 1 from a stock of 50: %d succeeded, %d out of stock; want 50 and 110", ok.Load(), out.Load())
	}
	if n := calls.Load(); n != 50 {
		t.Fatalf("the supplier was called %d times for 50 successful reservations, want 50", n)
	}
	mustAvailable(t, s, "lamp", 0)
}

// TestRefusedReservationsGiveStockBack: the supplier refuses every other
// call; every refused unit must come back, whatever the interleaving.
func TestRefusedReservationsGiveStockBack(t *testing.T) {
	var calls, confirmed atomic.Int32
	s := New(func(string, int) error {
		if calls.Add(1)%2 == 0 {
			return errors.New("refused")
		}
		confirmed.Add(1)
		return nil
	})
	s.AddItem("lamp", 1000)
	var ok atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				if s.Reserve("lamp", 2) == nil {
					ok.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if ok.Load() != confirmed.Load() {
		t.Fatalf("%d reservations succeeded but the supplier confirmed %d", ok.Load(), confirmed.Load())
	}
	mustAvailable(t, s, "lamp", 1000-2*int(confirmed.Load()))
}

// TestMoveLocksInNameOrder checks the lock order directly: both directions
// lock the item whose name sorts first, first.
func TestMoveLocksInNameOrder(t *testing.T) {
	for _, dir := range [][2]string{{"bin-1", "bin-2"}, {"bin-2", "bin-1"}} {
		s := New(instant)
		w := newWatch()
		w.add(s, "bin-1", 10)
		w.add(s, "bin-2", 10)
		if err := s.Move(dir[0], dir[1], 1); err != nil {
			t.Fatalf("Move(%s → %s, 1) = %v, want nil", dir[0], dir[1], err)
		}
		if got := w.order(); !slices.Equal(got, []string{"bin-1", "bin-2"}) {
			t.Errorf("Move(%s → %s) locked %v, want [bin-1 bin-2]: lock the name that sorts first, first", dir[0], dir[1], got)
		}
	}
}

// TestErrorPathsReleaseLocks: after every kind of refusal the items are
// still usable. A path that returns with a lock held blocks a later call.
func TestErrorPathsReleaseLocks(t *testing.T) {
	s := New(func(name string, _ int) error {
		if name == "fragile" {
			return errors.New("refused")
		}
		return nil
	})
	s.AddItem("lamp", 5)
	s.AddItem("fragile", 5)
	refusals := []struct {
		what string
		err  error
	}{
		{"Reserve(lamp, 6)", s.Reserve("lamp", 6)},
		{"Reserve(fragile, 1)", s.Reserve("fragile", 1)},
		{"Restock(lamp, -1)", s.Restock("lamp", -1)},
		{"Move(lamp → fragile, 6)", s.Move("lamp", "fragile", 6)},
		{"Move(fragile → lamp, 0)", s.Move("fragile", "lamp", 0)},
		{"Move(lamp → sofa, 1)", s.Move("lamp", "sofa", 1)},
	}
	for _, r := range refusals {
		if r.err == nil {
			t.Errorf("%s = nil, want an error", r.what)
		}
	}
	if err := s.Restock("fragile", 1); err != nil {
		t.Fatalf("Restock(fragile, 1) after the refusals = %v", err)
	}
	if err := s.Move("fragile", "lamp", 6); err != nil {
		t.Fatalf("Move(fragile → lamp, 6) after the refusals = %v", err)
	}
	if err := s.Reserve("lamp", 11); err != nil {
		t.Fatalf("Reserve(lamp, 11) after the refusals = %v", err)
	}
	mustAvailable(t, s, "lamp", 0)
	mustAvailable(t, s, "fragile", 0)
}

// TestAvailableWhileStockChanges reads an item while other goroutines change
// it. With -race, a read that skips the item's lock is reported.
func TestAvailableWhileStockChanges(t *testing.T) {
	s := New(instant)
	s.AddItem("lamp", 0)
	start := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		<-start
		for range 500 {
			_ = s.Restock("lamp", 2)
			_ = s.Reserve("lamp", 1)
		}
	}()
	go func() {
		defer wg.Done()
		<-start
		for range 500 {
			if n, err := s.Available("lamp"); err != nil || n < 0 {
				t.Errorf("Available(lamp) = %d, %v", n, err)
				return
			}
		}
	}()
	close(start)
	wg.Wait()
	mustAvailable(t, s, "lamp", 500)
}

// TestManyOperationsKeepTheTotal runs 8 goroutines of random moves,
// reservations and restocks among 4 items (fixed seeds) and checks that the
// stock adds up: nothing appears, disappears or goes negative.
func TestManyOperationsKeepTheTotal(t *testing.T) {
	s := New(instant)
	names := []string{"n1", "n2", "n3", "n4"}
	for _, n := range names {
		s.AddItem(n, 500)
	}
	var delta atomic.Int64
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(g), 7))
			for range 300 {
				a, b, q := names[r.IntN(4)], names[r.IntN(4)], 1+r.IntN(40)
				switch r.IntN(3) {
				case 0:
					_ = s.Move(a, b, q)
				case 1:
					if s.Reserve(a, q) == nil {
						delta.Add(int64(-q))
					}
				case 2:
					if s.Restock(a, q) == nil {
						delta.Add(int64(q))
					}
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range names {
		v, _ := s.Available(n)
		if v < 0 {
			t.Errorf("Available(%s) = %d, negative", n, v)
		}
		total += v
	}
	if want := 4*500 + int(delta.Load()); total != want {
		t.Fatalf("total stock %d, want %d", total, want)
	}
}

// TestDisjointMovesRunInParallel holds Move(m1 → m2) inside its locks and
// expects Move(m3 → m4) to complete meanwhile: moves that share no item must
// not wait for each other, so no service-wide lock around a move.
func TestDisjointMovesRunInParallel(t *testing.T) {
	s := New(instant)
	held, release := make(chan struct{}), make(chan struct{})
	s.AddItem("m1", 10)
	s.AddItem("m3", 10)
	s.AddItem("m4", 10)
	s.mu.Lock()
	s.items["m2"] = &item{name: "m2", mu: &pausingLock{held: held, release: release}, stock: 10}
	s.mu.Unlock()

	done := make(chan error)
	go func() { done <- s.Move("m1", "m2", 4) }()
	<-held // Move(m1 → m2) holds both items now
	if err := s.Move("m3", "m4", 4); err != nil {
		t.Errorf("Move(m3 → m4, 4) = %v, want nil", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("Move(m1 → m2, 4) = %v, want nil", err)
	}
	got := fmt.Sprint(s.items["m1"].stock, s.items["m2"].stock, s.items["m3"].stock, s.items["m4"].stock)
	if got != "6 14 6 14" {
		t.Fatalf("stock of m1..m4 = %s, want 6 14 6 14", got)
	}
}

// pausingLock signals held after its first Lock, then waits for release.
type pausingLock struct {
	sync.Mutex
	once    sync.Once
	held    chan struct{}
	release chan struct{}
}

func (p *pausingLock) Lock() {
	p.Mutex.Lock()
	p.once.Do(func() {
		close(p.held)
		<-p.release
	})
}
