package inventory

import (
	"errors"
	"sync"
	"testing"
)

// The tests use no timers. A test that blocks for ever is stopped by the
// runner, which reports the deadlock with every goroutine's stack.

// instant is a supplier that confirms everything at once.
func instant(string, int) error { return nil }

func mustAvailable(t *testing.T, s *Service, name string, want int) {
	t.Helper()
	got, err := s.Available(name)
	if err != nil || got != want {
		t.Fatalf("Available(%q) = %d, %v; want %d, nil", name, got, err, want)
	}
}

// TestReserveBasics checks the sequential behaviour of Reserve.
func TestReserveBasics(t *testing.T) {
	refuse := errors.New("supplier refused")
	s := New(func(name string, qty int) error {
		if name == "broken" {
			return refuse
		}
		return nil
	})
	s.AddItem("lamp", 10)
	s.AddItem("broken", 10)
	if err := s.Reserve("lamp", 4); err != nil {
		t.Fatalf(`Reserve("lamp", 4) = %v, want nil`, err)
	}
	mustAvailable(t, s, "lamp", 6)
	for _, c := range []struct {
		name string
		qty  int
		want error
	}{
		{"lamp", 7, ErrOutOfStock},
		{"lamp", 0, ErrInvalidQty},
		{"sofa", 1, ErrUnknownItem},
		{"broken", 1, refuse},
	} {
		if err := s.Reserve(c.name, c.qty); !errors.Is(err, c.want) {
			t.Fatalf("Reserve(%q, %d) = %v, want %v", c.name, c.qty, err, c.want)
		}
	}
	mustAvailable(t, s, "lamp", 6)
	mustAvailable(t, s, "broken", 10)
}

// TestSlowSupplierDoesNotBlockOtherItems keeps the supplier call for "lamp"
// in flight and expects the service to go on serving "desk" meanwhile. If
// Reserve holds the service lock across the supplier call, the Reserve of
// "desk" waits for a call that only this test can end: a deadlock.
func TestSlowSupplierDoesNotBlockOtherItems(t *testing.T) {
	started, release := make(chan struct{}), make(chan struct{})
	var s *Service
	s = New(func(name string, qty int) error {
		if name != "lamp" {
			return nil
		}
		if s.mu.TryLock() {
			s.mu.Unlock()
		} else {
			t.Errorf("the supplier was called with s.mu held: every other request waits for it")
		}
		close(started)
		<-release // the slow supplier
		return nil
	})
	s.AddItem("lamp", 10)
	s.AddItem("desk", 10)

	done := make(chan error)
	go func() { done <- s.Reserve("lamp", 3) }()
	<-started
	if err := s.Reserve("desk", 2); err != nil {
		t.Errorf(`Reserve("desk", 2) during a slow "lamp" call = %v, want nil`, err)
	}
	mustAvailable(t, s, "desk", 8)
	close(release)
	if err := <-done; err != nil {
		t.Fatalf(`Reserve("lamp", 3) = %v, want nil`, err)
	}
	mustAvailable(t, s, "lamp", 7)
}

// TestRestockAfterInvalidQuantity: a refused Restock must leave the item
// usable. If the error path returns with the item locked, the next Restock
// blocks for ever.
func TestRestockAfterInvalidQuantity(t *testing.T) {
	s := New(instant)
	s.AddItem("lamp", 10)
	if err := s.Restock("lamp", 0); !errors.Is(err, ErrInvalidQty) {
		t.Fatalf(`Restock("lamp", 0) = %v, want ErrInvalidQty`, err)
	}
	if err := s.Restock("lamp", 5); err != nil {
		t.Fatalf(`Restock("lamp", 5) = %v, want nil`, err)
	}
	mustAvailable(t, s, "lamp", 15)
}

// watch records the order in which the items it creates are locked, and can
// hold the first two Lock calls so that a test decides the interleaving.
type watch struct {
	mu      sync.Mutex
	changed *sync.Cond
	waiting map[string]int // item → goroutines inside Lock, not holding it yet
	locked  []string       // items in the order their locks were acquired
	// cross: each of the first two acquisitions waits until two items are
	// held, or until another goroutine waits for the same item.
	cross bool
}

func newWatch() *watch {
	w := &watch{waiting: map[string]int{}}
	w.changed = sync.NewCond(&w.mu)
	return w
}

// add puts an item whose lock reports to w into s.
func (w *watch) add(s *Service, name string, stock int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[name] = &item{name: name, mu: &watchedLock{name: name, w: w}, stock: stock}
}

func (w *watch) order() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.locked...)
}

type watchedLock struct {
	inner sync.Mutex
	name  string
	w     *watch
}

func (l *watchedLock) Lock() {
	w := l.w
	w.mu.Lock()
	w.waiting[l.name]++
	w.changed.Broadcast()
	w.mu.Unlock()

	l.inner.Lock()

	w.mu.Lock()
	defer w.mu.Unlock()
	w.waiting[l.name]--
	w.locked = append(w.locked, l.name)
	w.changed.Broadcast()
	if !w.cross || len(w.locked) > 2 {
		return
	}
	for len(w.locked) < 2 && w.waiting[l.name] == 0 {
		w.changed.Wait()
	}
}

func (l *watchedLock) Unlock() { l.inner.Unlock() }

// TestCrossingMovesDoNotDeadlock runs Move(a→b) and Move(b→a) at once and
// forces the dangerous interleaving: whichever move locks its first item
// waits until the other one has locked an item too, or waits for the same
// one. Moves that lock in argument order now each hold one item and wait for
// the other for ever.
func TestCrossingMovesDoNotDeadlock(t *testing.T) {
	s := New(instant)
	w := newWatch()
	w.cross = true
	w.add(s, "shelf-a", 100)
	w.add(s, "shelf-b", 100)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := s.Move("shelf-a", "shelf-b", 10); err != nil {
			t.Errorf("Move(shelf-a → shelf-b, 10) = %v, want nil", err)
		}
	}()
	go func() {
		defer wg.Done()
		if err := s.Move("shelf-b", "shelf-a", 30); err != nil {
			t.Errorf("Move(shelf-b → shelf-a, 30) = %v, want nil", err)
		}
	}()
	wg.Wait()
	mustAvailable(t, s, "shelf-a", 120)
	mustAvailable(t, s, "shelf-b", 80)
}
