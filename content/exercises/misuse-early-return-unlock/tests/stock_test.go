package stock

import (
	"errors"
	"testing"
)

// TestReserve checks the successful path.
func TestReserve(t *testing.T) {
	s := NewStore(map[string]int{"apple": 5})
	if err := s.Reserve("apple", 3); err != nil {
		t.Fatalf("Reserve(apple, 3) with 5 in stock = %v, want nil", err)
	}
	if n, ok := s.Qty("apple"); n != 2 || !ok {
		t.Fatalf("Qty(apple) after reserving 3 of 5 = %d, %v; want 2, true", n, ok)
	}
}

// TestUnknownItemReleasesTheLock: Update returns an error for an unknown
// item, and the store must still be usable afterwards. If Update returned
// with the lock held, Qty below blocks for ever: the runner stops the tests
// and shows Qty waiting in sync.Mutex.Lock.
func TestUnknownItemReleasesTheLock(t *testing.T) {
	s := NewStore(map[string]int{"apple": 5})
	err := s.Update("pear", func(n int) (int, error) { return n + 1, nil })
	if !errors.Is(err, ErrUnknownItem) {
		t.Fatalf("Update(pear) = %v, want ErrUnknownItem", err)
	}
	if n, ok := s.Qty("apple"); n != 5 || !ok {
		t.Fatalf("Qty(apple) = %d, %v; want 5, true", n, ok)
	}
}
