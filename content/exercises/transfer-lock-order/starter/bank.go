// Package bank moves money between accounts that many goroutines use at once.
package bank

import (
	"errors"
	"sync"
)

// ErrInsufficientFunds is returned by Transfer when the source account holds
// less than the amount to move.
var ErrInsufficientFunds = errors.New("insufficient funds")

// Account is a bank account. Do not change this type: the tests build
// accounts with their own mu to watch the order in which Transfer locks them.
type Account struct {
	ID int // unique per account, never changes

	// mu guards balance. It is a sync.Locker rather than a sync.Mutex so that
	// the tests can observe every Lock call; NewAccount puts a *sync.Mutex in it.
	mu      sync.Locker
	balance int
}

// NewAccount returns an account with the given ID and opening balance.
func NewAccount(id, balance int) *Account {
	return &Account{ID: id, mu: new(sync.Mutex), balance: balance}
}

// Balance returns the current balance of a.
func (a *Account) Balance() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.balance
}

// Transfer moves amount from one account to the other, holding both accounts'
// locks so that no other transfer sees money in flight. It returns
// ErrInsufficientFunds, and moves nothing, when from holds less than amount.
func Transfer(from, to *Account, amount int) error {
	if from == to {
		return nil // nothing to move; locking the same mutex twice would block forever
	}
	from.mu.Lock()
	defer from.mu.Unlock()
	to.mu.Lock()
	defer to.mu.Unlock()

	if from.balance < amount {
		return ErrInsufficientFunds
	}
	from.balance -= amount
	to.balance += amount
	return nil
}
