// Package sessions keeps the logged-in users of a web service in memory.
package sessions

import "sync"

// Store maps session tokens to user names. Every HTTP handler of the
// service shares one Store, so many goroutines call its methods at once.
type Store struct {
	mu   sync.Mutex // guards data: every access, reads and len included
	data map[string]string
}

// New returns an empty store.
func New() *Store {
	return &Store{data: map[string]string{}}
}

// Set records that token belongs to user.
func (s *Store) Set(token, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[token] = user
}

// Get returns the user of token, and whether the token is known.
func (s *Store) Get(token string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	user, ok := s.data[token]
	return user, ok
}

// Delete forgets token (a logout). Deleting an unknown token does nothing.
func (s *Store) Delete(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.data, token)
}

// Len returns the number of active sessions.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data)
}
