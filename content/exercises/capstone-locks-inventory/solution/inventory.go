// Package inventory reserves stock for orders. Many goroutines call it at
// once, and every reservation must be confirmed by a slow external supplier.
package inventory

import (
	"errors"
	"sync"
)

var (
	ErrUnknownItem = errors.New("unknown item")
	ErrInvalidQty  = errors.New("quantity must be positive")
	ErrOutOfStock  = errors.New("not enough stock")
)

// Supplier confirms a reservation with the item's supplier. In production it
// is a network call that can take seconds; it may refuse with an error.
type Supplier func(name string, qty int) error

// item is one stock-keeping unit. Do not change this type: the tests build
// items with their own lock to watch the order in which you lock them.
type item struct {
	name string
	// mu guards stock. It is a sync.Locker rather than a sync.Mutex so that
	// the tests can observe every Lock call; AddItem puts a *sync.Mutex in it.
	mu    sync.Locker
	stock int
}

// Service keeps the stock of every item.
type Service struct {
	mu       sync.Mutex // guards the items map (not the items' stock)
	items    map[string]*item
	supplier Supplier
}

// New returns a service without items that confirms reservations with supplier.
func New(supplier Supplier) *Service {
	return &Service{items: map[string]*item{}, supplier: supplier}
}

// AddItem adds an item with the given stock, or replaces it.
func (s *Service) AddItem(name string, stock int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[name] = &item{name: name, mu: new(sync.Mutex), stock: stock}
}

// lookup returns the item called name.
func (s *Service) lookup(name string) (*item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[name]
	if !ok {
		return nil, ErrUnknownItem
	}
	return it, nil
}

// Reserve takes qty units of name out of stock once the supplier has
// confirmed them. It returns ErrInvalidQty, ErrUnknownItem, ErrOutOfStock or
// the supplier's error, and then the stock is unchanged.
//
// The stock is taken before the supplier is called, so concurrent
// reservations can never oversell, and the supplier runs with no lock held.
func (s *Service) Reserve(name string, qty int) error {
	if qty <= 0 {
		return ErrInvalidQty
	}
	it, err := s.lookup(name)
	if err != nil {
		return err
	}
	if !it.take(qty) {
		return ErrOutOfStock
	}
	if err := s.supplier(name, qty); err != nil {
		it.add(qty) // refused: give the units back
		return err
	}
	return nil
}

// take removes qty units if there are enough, under the item's lock.
func (it *item) take(qty int) bool {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.stock < qty {
		return false
	}
	it.stock -= qty
	return true
}

// add puts qty units into stock, under the item's lock.
func (it *item) add(qty int) {
	it.mu.Lock()
	defer it.mu.Unlock()
	it.stock += qty
}

// Restock adds qty units to name.
func (s *Service) Restock(name string, qty int) error {
	it, err := s.lookup(name)
	if err != nil {
		return err
	}
	if qty <= 0 {
		return ErrInvalidQty
	}
	it.add(qty)
	return nil
}

// Move transfers qty units from one item's stock to another's, for example
// between two bins of the same product. It returns ErrOutOfStock, and moves
// nothing, when from has fewer than qty units.
//
// Both items are locked in one global order, by name, whatever the
// direction of the move, so two crossing moves cannot deadlock.
func (s *Service) Move(from, to string, qty int) error {
	if qty <= 0 {
		return ErrInvalidQty
	}
	src, err := s.lookup(from)
	if err != nil {
		return err
	}
	dst, err := s.lookup(to)
	if err != nil {
		return err
	}
	if src == dst {
		return nil // nothing to move; locking the same item twice would block for ever
	}
	first, second := src, dst
	if second.name < first.name {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()
	if src.stock < qty {
		return ErrOutOfStock
	}
	src.stock -= qty
	dst.stock += qty
	return nil
}

// Available returns the stock of name.
func (s *Service) Available(name string) (int, error) {
	it, err := s.lookup(name)
	if err != nil {
		return 0, err
	}
	it.mu.Lock()
	defer it.mu.Unlock()
	return it.stock, nil
}
