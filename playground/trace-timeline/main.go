// Command trace-timeline turns a Go execution trace (a file argument, or standard input) into the
// JSON timeline of lockstep/tracetimeline/timeline on standard output. The trace comes from a
// learner's program, so it is untrusted: input, output and time are capped, and a trace that
// cannot be read ends with a one-line JSON error on standard error and an exit code:
//
//	0 a timeline (possibly marked truncated)   4 input_too_large
//	2 usage                                    5 timeout
//	3 not_a_trace or malformed_trace           6 io (the input cannot be opened, stdout fails)
//	                                           7 output_too_large (a bug: the cap is kept while folding)
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"lockstep/tracetimeline/timeline"
)

type stripFlags []string

func (s *stripFlags) String() string     { return strings.Join(*s, ",") }
func (s *stripFlags) Set(v string) error { *s = append(*s, v); return nil }

// cappedReader fails once more than max bytes have been read, and remembers that it did.
type cappedReader struct {
	r        io.Reader
	left     int64
	exceeded bool
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		c.exceeded = true
		return 0, errors.New("input exceeds -max-input-bytes")
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if err == io.EOF {
		return n, err
	}
	if c.left <= 0 && err == nil {
		// Probe one byte so an input of exactly the cap still ends cleanly.
		var one [1]byte
		if m, _ := c.r.Read(one[:]); m > 0 {
			c.exceeded = true
			return n, errors.New("input exceeds -max-input-bytes")
		}
		return n, io.EOF
	}
	return n, err
}

const (
	exitUsage       = 2
	exitUnreadable  = 3
	exitInputLimit  = 4
	exitTimeout     = 5
	exitIO          = 6
	exitOutputLimit = 7
)

func fail(code int, errCode, detail string) {
	line, _ := json.Marshal(map[string]string{"error": errCode, "detail": detail})
	fmt.Fprintln(os.Stderr, string(line))
	os.Exit(code)
}

func main() {
	var strip stripFlags
	all := flag.Bool("all", false, "keep the runtime's and the tracer's goroutines")
	maxEvents := flag.Int("max-events", 200_000, "stop after this many trace events (marked truncated)")
	maxBytes := flag.Int("max-bytes", 2<<20, "cap of the JSON output in bytes (at least 4096; marked truncated)")
	maxInput := flag.Int64("max-input-bytes", 64<<20, "refuse a trace larger than this")
	maxStack := flag.Int("max-stack", 32, "frames kept per stack")
	timeout := flag.Duration("timeout", 20*time.Second, "give up after this long")
	flag.Var(&strip, "strip", "remove this prefix from file paths (repeatable: the build directory, GOROOT/src/)")
	// Errors are the one JSON line, so the flag package prints nothing itself.
	flag.CommandLine.Init(os.Args[0], flag.ContinueOnError)
	flag.CommandLine.SetOutput(io.Discard)
	if err := flag.CommandLine.Parse(os.Args[1:]); errors.Is(err, flag.ErrHelp) {
		fmt.Println("usage: trace-timeline [flags] [trace-file]  (standard input without a file)")
		flag.CommandLine.SetOutput(os.Stdout)
		flag.PrintDefaults()
		return
	} else if err != nil {
		fail(exitUsage, timeline.ErrUsage, err.Error())
	}
	if flag.NArg() > 1 || *maxEvents < 1 || *maxBytes < 4096 || *maxInput < 1 || *maxStack < 1 || *timeout <= 0 {
		fail(exitUsage, timeline.ErrUsage, "bad arguments: at most one file; -max-bytes ≥ 4096; other limits > 0")
	}

	var in io.Reader = os.Stdin
	if path := flag.Arg(0); path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fail(exitIO, timeline.ErrIO, err.Error())
		}
		defer f.Close()
		in = f
	}
	capped := &cappedReader{r: in, left: *maxInput}

	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		tl, err := timeline.Convert(bufio.NewReaderSize(capped, 64<<10), timeline.Options{
			All: *all, Strip: strip, MaxEvents: *maxEvents, MaxBytes: *maxBytes, MaxStack: *maxStack,
			InputTooLarge: func() bool { return capped.exceeded },
		})
		if err != nil {
			done <- result{err: err}
			return
		}
		out, err := json.Marshal(tl)
		done <- result{out: out, err: err}
	}()

	var res result
	select {
	case res = <-done:
	case <-time.After(*timeout):
		fail(exitTimeout, timeline.ErrTimeout, "conversion took longer than -timeout")
	}
	var convErr *timeline.Error
	switch {
	case errors.As(res.err, &convErr):
		code := exitUnreadable
		if convErr.Code == timeline.ErrInputLimit {
			code = exitInputLimit
		}
		fail(code, convErr.Code, convErr.Detail)
	case res.err != nil:
		fail(exitIO, timeline.ErrIO, res.err.Error())
	case len(res.out) > *maxBytes:
		fail(exitOutputLimit, timeline.ErrOutputSize, fmt.Sprintf("%d bytes", len(res.out)))
	}
	if _, err := os.Stdout.Write(append(res.out, '\n')); err != nil {
		fail(exitIO, timeline.ErrIO, err.Error())
	}
}
