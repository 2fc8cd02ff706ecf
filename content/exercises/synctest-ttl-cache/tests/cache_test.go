package ttlcache

import (
	"testing"
	"testing/synctest"
	"time"
)

// TestGetAndSet checks the cache without any waiting.
func TestGetAndSet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(time.Minute)
		defer c.Close()
		if _, ok := c.Get("eur"); ok {
			t.Fatal(`Get("eur") on an empty cache found a value`)
		}
		c.Set("eur", "1.08")
		if v, ok := c.Get("eur"); !ok || v != "1.08" {
			t.Fatalf(`Get("eur") = %q, %v; want "1.08", true`, v, ok)
		}
	})
}

// TestExpiresAfterTTL runs in a synctest bubble: time.Sleep advances the
// bubble's fake clock at once, so a minute of cache time costs no real time.
// The entry must be there before its minute is up and gone once it is.
func TestExpiresAfterTTL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(time.Minute)
		defer c.Close()
		c.Set("eur", "1.08")
		time.Sleep(59 * time.Second)
		if _, ok := c.Get("eur"); !ok {
			t.Fatal(`Get("eur") after 59 s of a 1 min TTL found nothing, want the value`)
		}
		time.Sleep(time.Second)
		if v, ok := c.Get("eur"); ok {
			t.Fatalf(`Get("eur") = %q after exactly the 1 min TTL, want nothing: the entry has expired`, v)
		}
	})
}
