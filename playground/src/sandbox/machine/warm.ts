/**
 * Background warm-up at server start: compiles what lessons import, with and without -race, as a
 * program, as a test binary and for vet, in exactly the job sandbox configuration (so the cache
 * keys match), then promotes the new cache entries into the shared read-only base.
 */
import { JobAbortedError, buildStep, executeJob, type ExecuteContext } from './execute.ts';
import { buildArgs } from '../plan/commands.ts';
import { SANDBOX_OUT } from '../plan/bwrap-args.ts';
import { prepareJobCache, promoteToBase } from './gocache.ts';
import { createJobDirs, removeTree, writeSources } from './jobdir.ts';
import { withGoMod } from '../plan/validate.ts';

/** Progress as /api/health shows it. */
export interface WarmState {
  state: 'cold' | 'warming' | 'warm' | 'failed';
  detail: string;
}

const WARM_MAIN = `package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	_ = bufio.NewScanner
	_ = context.Background
	_ = errors.New
	_ = maps.Keys[map[int]int]
	_ = rand.IntN
	_ = os.Exit
	_ = runtime.Gosched
	_ = slices.Sort[[]int]
	_ = sort.Ints
	_ = strconv.Itoa
	_ = strings.ToUpper
	_ sync.Mutex
	_ atomic.Int64
	_ = time.Now
)

func main() { fmt.Println("warm") }
`;

const WARM_TEST = `package main

import "testing"

func TestWarm(t *testing.T) { t.Log("warm") }
`;

/** Runs the warm-up; reports progress through setState. Never throws. */
export async function warmCaches(
  ctx: ExecuteContext,
  setState: (s: WarmState) => void,
  signal?: AbortSignal,
): Promise<void> {
  const started = performance.now();
  const files = withGoMod({ 'main.go': WARM_MAIN, 'main_test.go': WARM_TEST }, ctx.env.goVersion);
  const dirs = createJobDirs(ctx.jobsDir, ctx.env.owner);
  try {
    writeSources(dirs.src, files, ctx.env.owner);
    if (ctx.env.mode === 'bwrap') prepareJobCache(ctx.gocacheBase, dirs.gocache, ctx.env.owner);
    const out = ctx.env.mode === 'none' ? dirs.out : SANDBOX_OUT;
    const steps: [string, string[]][] = [
      ['go build -race', ['go', ...buildArgs('run', true, out)]],
      ['go test -c -race', ['go', ...buildArgs('test', true, out)]],
      ['go vet', ['go', 'vet', '-json', '.']],
      ['go build', ['go', ...buildArgs('run', false, out)]],
      ['go test -c', ['go', ...buildArgs('test', false, out)]],
    ];
    for (const [label, command] of steps) {
      setState({ state: 'warming', detail: `${label} (${seconds(started)} s so far)` });
      const step = await buildStep(ctx, dirs, command, signal ? { signal } : {}, false);
      if (step.exitCode !== 0)
        throw new Error(`${label} failed: ${(step.stderr || step.stdout).slice(0, 500)}`);
    }
    const added = ctx.env.mode === 'bwrap' ? promoteToBase(dirs.gocache, ctx.gocacheBase) : 0;
    setState({ state: 'warming', detail: `test2json and a trial run (${seconds(started)} s so far)` });
    await ctx.test2json();
    const trial = await executeJob(
      ctx,
      { files: { 'main.go': WARM_MAIN }, action: 'run', race: true },
      signal ? { signal } : {},
    );
    if (trial.run?.stdout !== 'warm\n') {
      throw new Error(
        `the trial run of a race binary failed: ${trial.run?.stderr.slice(0, 500) ?? 'no run'}`,
      );
    }
    setState({ state: 'warm', detail: `warmed in ${seconds(started)} s (${added} new cache entries)` });
  } catch (error) {
    const message =
      error instanceof JobAbortedError ? 'cancelled' : error instanceof Error ? error.message : String(error);
    setState({ state: 'failed', detail: message });
  } finally {
    removeTree(dirs.root);
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
