package stock

import (
	"errors"
	"sync"
	"testing"
)

// usable fails t unless the store's lock is free and item has want left.
// It checks the lock with TryLock, so a leaked lock fails this test at once
// instead of blocking the rest of the tests.
func usable(t *testing.T, s *Store, item string, want int) {
	t.Helper()
	if !s.mu.TryLock() {
		t.Fatal("the store is still locked after the call returned: a way out of it skips Unlock")
	}
	s.mu.Unlock()
	if n, _ := s.Qty(item); n != want {
		t.Fatalf("Qty(%s) = %d, want %d: a failed call must change nothing", item, n, want)
	}
}

func TestOutOfStockReleasesTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 2})
	if err := s.Reserve("apple", 3); !errors.Is(err, ErrOutOfStock) {
		t.Fatalf("Reserve(apple, 3) with 2 in stock = %v, want ErrOutOfStock", err)
	}
	usable(t, s, "apple", 2)
}

func TestNegativeReleasesTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 2})
	err := s.Update("apple", func(n int) (int, error) { return n - 3, nil })
	if !errors.Is(err, ErrNegative) {
		t.Fatalf("Update returning -1 = %v, want ErrNegative", err)
	}
	usable(t, s, "apple", 2)
}

// TestPanicReleasesTheLock: f panics, the caller recovers (as net/http does
// for a handler), and the store must still work. An Unlock written before
// each return does not run on a panic; a deferred one does.
func TestPanicReleasesTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 4})
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Errorf("recovered %v, want f's panic (boom) to reach the caller", r)
			}
		}()
		_ = s.Update("apple", func(int) (int, error) { panic("boom") })
	}()
	usable(t, s, "apple", 4)
}

func TestRenameErrorsReleaseTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 1, "pear": 2})
	if err := s.Rename("plum", "fig"); !errors.Is(err, ErrUnknownItem) {
		t.Fatalf("Rename(plum, fig) = %v, want ErrUnknownItem", err)
	}
	usable(t, s, "apple", 1)
	if err := s.Rename("apple", "pear"); !errors.Is(err, ErrExists) {
		t.Fatalf("Rename(apple, pear) = %v, want ErrExists", err)
	}
	usable(t, s, "apple", 1)
	usable(t, s, "pear", 2)
}

func TestRename(t *testing.T) {
	s := NewStore(map[string]int{"apple": 3})
	if err := s.Rename("apple", "green apple"); err != nil {
		t.Fatalf("Rename(apple, green apple) = %v, want nil", err)
	}
	if _, ok := s.Qty("apple"); ok {
		t.Errorf("Qty(apple) still reports the old name after Rename")
	}
	usable(t, s, "green apple", 3)
}

// TestCallbackRunsUnderTheLock: reading the quantity, calling f and writing
// the result must be one critical section, or two Reserves can both see the
// same stock and sell it twice.
func TestCallbackRunsUnderTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 3})
	err := s.Update("apple", func(n int) (int, error) {
		if s.mu.TryLock() {
			s.mu.Unlock()
			t.Error("the lock was free while f ran: read, f and write must be one critical section")
		}
		return n + 1, nil
	})
	if err != nil {
		t.Fatalf("Update = %v, want nil", err)
	}
	usable(t, s, "apple", 4)
}

// TestConcurrentReserves: 8 goroutines × 25 Reserve(1) against 100 items.
// Exactly 100 succeed, whatever the interleaving.
func TestConcurrentReserves(t *testing.T) {
	s := NewStore(map[string]int{"apple": 100})
	var wg sync.WaitGroup
	var mu sync.Mutex
	sold, refused := 0, 0
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				err := s.Reserve("apple", 1)
				mu.Lock()
				if err == nil {
					sold++
				} else if errors.Is(err, ErrOutOfStock) {
					refused++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if sold != 100 || refused != 100 {
		t.Fatalf("200 concurrent Reserve(1) of 100 items: %d sold, %d refused; want 100 and 100", sold, refused)
	}
	usable(t, s, "apple", 0)
}
