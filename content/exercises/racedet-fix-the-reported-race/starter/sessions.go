// Package sessions tracks the users signed in to a server.
package sessions

import "sync"

// Sessions maps session IDs to user names and counts the sessions ever
// opened. Every method may be called from many goroutines at the same time.
type Sessions struct {
	mu     sync.Mutex
	byID   map[string]string
	opened int
}

// New returns an empty Sessions.
func New() *Sessions {
	return &Sessions{byID: map[string]string{}}
}

// Open records a new session for user.
func (s *Sessions) Open(id, user string) {
	s.mu.Lock()
	s.byID[id] = user
	s.mu.Unlock()
	s.opened++
}

// User returns the user of session id.
func (s *Sessions) User(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	user, ok := s.byID[id]
	return user, ok
}

// Opened returns how many sessions have been opened so far.
func (s *Sessions) Opened() int {
	return s.opened
}
