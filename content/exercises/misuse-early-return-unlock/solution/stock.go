// Package stock keeps item quantities that many goroutines read and update.
package stock

import (
	"errors"
	"fmt"
	"sync"
)

var (
	// ErrUnknownItem is returned for an item the store does not carry.
	ErrUnknownItem = errors.New("unknown item")
	// ErrOutOfStock is returned by Reserve when too few items are left.
	ErrOutOfStock = errors.New("out of stock")
	// ErrNegative is returned by Update when f asks for a negative quantity.
	ErrNegative = errors.New("negative quantity")
	// ErrExists is returned by Rename when the new name is already taken.
	ErrExists = errors.New("item already exists")
)

// Store holds the quantity of each item. Do not rename mu or qty.
type Store struct {
	mu  sync.Mutex
	qty map[string]int
}

// NewStore returns a store with a copy of the given quantities.
func NewStore(qty map[string]int) *Store {
	s := &Store{qty: map[string]int{}}
	for item, n := range qty {
		s.qty[item] = n
	}
	return s
}

// Qty returns the quantity of item and whether the store carries it.
func (s *Store) Qty(item string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.qty[item]
	return n, ok
}

// Update replaces the quantity of item with f(current quantity), atomically:
// no other Update or Qty runs between reading the quantity and writing the
// new one. When the item is unknown, when f returns an error, when f returns
// a negative quantity, or when f panics, nothing changes (and the panic goes
// on to the caller).
//
// The deferred Unlock runs on every way out of Update: each return, and a
// panic in f that a caller further up recovers from.
func (s *Store) Update(item string, f func(qty int) (int, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.qty[item]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownItem, item)
	}
	next, err := f(n)
	if err != nil {
		return err
	}
	if next < 0 {
		return ErrNegative
	}
	s.qty[item] = next
	return nil
}

// Reserve takes n items of item out of the store, or returns ErrOutOfStock
// and takes nothing when fewer than n are left.
func (s *Store) Reserve(item string, n int) error {
	return s.Update(item, func(qty int) (int, error) {
		if qty < n {
			return qty, ErrOutOfStock
		}
		return qty - n, nil
	})
}

// Rename moves the quantity of item from to the name to. It returns
// ErrUnknownItem when from is unknown and ErrExists when the store already
// carries to; then nothing changes.
func (s *Store) Rename(from, to string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.qty[from]
	if !ok {
		return fmt.Errorf("%w: %q", ErrUnknownItem, from)
	}
	if _, taken := s.qty[to]; taken {
		return fmt.Errorf("%w: %q", ErrExists, to)
	}
	delete(s.qty, from)
	s.qty[to] = n
	return nil
}
