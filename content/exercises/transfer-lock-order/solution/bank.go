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
//
// Every transfer locks the account with the smaller ID first. With one global
// order no cycle of goroutines, each holding one lock and waiting for the
// next, can form: the holder of the higher lock never waits for a lower one.
func Transfer(from, to *Account, amount int) error {
	if from == to {
		return nil // nothing to move; locking the same mutex twice would block forever
	}
	first, second := from, to
	if second.ID < first.ID {
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	second.mu.Lock()
	defer second.mu.Unlock()

	if from.balance < amount {
		return ErrInsufficientFunds
	}
	from.balance -= amount
	to.balance += amount
	return nil
}
