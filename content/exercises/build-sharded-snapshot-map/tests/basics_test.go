package shardmap

import (
	"maps"
	"testing"
)

// TestSetGetDelete: the map behaves as a map.
func TestSetGetDelete(t *testing.T) {
	m := New[string, int](4)
	m.Set("a", 1)
	m.Set("b", 2)
	m.Set("a", 3)
	if v, ok := m.Get("a"); !ok || v != 3 {
		t.Fatalf(`Get("a") = %d, %t after Set("a", 1) and Set("a", 3), want 3, true`, v, ok)
	}
	m.Delete("b")
	if v, ok := m.Get("b"); ok {
		t.Fatalf(`Get("b") = %d, true after Delete("b"), want 0, false`, v)
	}
	if got, want := m.Snapshot(), map[string]int{"a": 3}; !maps.Equal(got, want) {
		t.Fatalf("Snapshot() = %v, want %v", got, want)
	}
}

// TestSnapshotIsACopy: a snapshot does not change when the map does, and the
// caller may change the snapshot without changing the map.
func TestSnapshotIsACopy(t *testing.T) {
	m := New[int, string](4)
	for i := range 20 {
		m.Set(i, "old")
	}
	snap := m.Snapshot()
	for i := range 20 {
		m.Set(i, "new")
	}
	m.Set(99, "new")
	if len(snap) != 20 || snap[0] != "old" {
		t.Fatalf("a snapshot taken before 21 Sets changed with them: len %d, snap[0] = %q; want 20 and \"old\"", len(snap), snap[0])
	}
	clear(snap)
	if v, ok := m.Get(7); !ok || v != "new" {
		t.Fatalf("Get(7) = %q, %t after the caller cleared its snapshot, want \"new\", true", v, ok)
	}
	if n := len(m.Snapshot()); n != 21 {
		t.Fatalf("a fresh Snapshot has %d keys after the caller cleared an old one, want 21", n)
	}
}
