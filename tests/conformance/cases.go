// Package conformance replays the TypeScript models' move lists through copies of Go's own
// sync.Mutex and sync.RWMutex code (../isync, ../rwsync) under a deterministic scheduler (../rt)
// and compares the states after every move. The cases come from scripts/conformance-cases.ts.
package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"

	"lockstep.dev/conformance/rt"
)

// Case is one move list and the TypeScript model's state before and after each move.
type Case struct {
	Name     string            `json:"name"`
	Model    string            `json:"model"`
	Programs []Program         `json:"programs"`
	SpinEnv  rt.SpinEnv        `json:"spinEnv"`
	Now      int64             `json:"now"`
	Moves    []Move            `json:"moves"`
	States   []json.RawMessage `json:"states"` // States[0] before any move, States[i+1] after Moves[i]
}

// Program is one goroutine's calls, in lane order.
type Program struct {
	ID      string   `json:"id"`
	Program []string `json:"program"`
}

// Move is a goroutine id (its next step) or a clock tick in ns.
type Move struct {
	G    string
	Tick int64
}

func (m *Move) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &m.G)
	}
	var t struct {
		Tick int64 `json:"tick"`
	}
	if err := json.Unmarshal(b, &t); err != nil || t.Tick <= 0 {
		return fmt.Errorf("a move is a goroutine id or {\"tick\": ns}, not %s", b)
	}
	m.Tick = t.Tick
	return nil
}

func (m Move) String() string {
	if m.G != "" {
		return m.G
	}
	return fmt.Sprintf("tick %d", m.Tick)
}

// LoadCases reads the cases file.
func LoadCases(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cases []Case
	return cases, json.Unmarshal(b, &cases)
}

// run is one case being replayed: the Go side's state as the TypeScript model shows it.
type run interface {
	// snapshot is the Go copy's state in the model's shape (a pointer to a comparable struct).
	snapshot() any
	// blank is an empty value of the same type, to decode the model's state into.
	blank() any
}

// Mismatch says where the Go copy and the model first disagree.
type Mismatch struct {
	Case      string
	Step      int // moves applied so far (0 = the initial state)
	Moves     []Move
	Problem   string
	Go, Model string
}

func (m *Mismatch) Error() string {
	return fmt.Sprintf("case %s, after %d moves %v:\n  %s\n  Go copy: %s\n  TS model: %s",
		m.Case, m.Step, m.Moves[:m.Step], m.Problem, m.Go, m.Model)
}

// Replay runs a case through the Go copy, comparing the state after every move. It returns the
// first mismatch, or nil; the number of states compared is the second result.
func Replay(c Case) (*Mismatch, int) {
	var r run
	var s *rt.Sched
	switch c.Model {
	case "mutex":
		r, s = startMutex(c)
	case "rwmutex":
		r, s = startRWMutex(c)
	default:
		return &Mismatch{Case: c.Name, Problem: "unknown model " + c.Model}, 0
	}
	defer s.Stop()
	if len(c.States) != len(c.Moves)+1 {
		return &Mismatch{Case: c.Name, Problem: "a case needs one state per move plus the initial one"}, 0
	}
	for i := 0; ; i++ {
		if m := compare(c, i, r); m != nil {
			return m, i
		}
		if i == len(c.Moves) {
			return nil, i + 1
		}
		mv := c.Moves[i]
		if mv.G == "" {
			s.Tick(mv.Tick)
			continue
		}
		if err := s.Move(mv.G); err != nil {
			return &Mismatch{Case: c.Name, Step: i, Moves: c.Moves, Problem: "the Go copy refuses move " + mv.G + ": " + err.Error()}, i
		}
	}
}

func compare(c Case, i int, r run) *Mismatch {
	want := r.blank()
	if err := json.Unmarshal(c.States[i], want); err != nil {
		return &Mismatch{Case: c.Name, Step: i, Moves: c.Moves, Problem: "bad state in the case: " + err.Error()}
	}
	got := r.snapshot()
	if reflect.DeepEqual(got, want) {
		return nil
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	return &Mismatch{Case: c.Name, Step: i, Moves: c.Moves, Problem: "the states differ", Go: string(g), Model: string(w)}
}
