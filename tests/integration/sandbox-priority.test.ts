/**
 * Everything a sandbox runs weighs less than the server, so the server's own event loop —
 * accepting a class's submissions, answering pages — is not held back by the builds and programs
 * it runs. Niced: a program prints the nice value of its own process (field 19 of
 * /proc/self/stat, the sandbox's own /proc): the server's plus SANDBOX_NICENESS. And weighed in a
 * cpu cgroup (niceness alone is undone by the kernel's autogroups, one per session): while a
 * program runs, it is a member of the shared sandbox cpu group with SANDBOX_CPU_SHARES (cgroup v1),
 * or of a job group with SANDBOX_CPU_WEIGHT (cgroup v2 with the cpu controller delegated).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_NICENESS } from '../../playground/src/sandbox/plan/bwrap-args.ts';
import { detectCgroups } from '../../playground/src/sandbox/machine/cgroup-detect.ts';
import { SANDBOX_CPU_SHARES, SANDBOX_CPU_WEIGHT } from '../../playground/src/sandbox/plan/cpu-weight.ts';
import { mainProgram, startRunner, type Runner } from './harness.ts';

/** Field 19 (nice) of a /proc/<pid>/stat line; the command name in field 2 may hold spaces. */
const niceOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);

let runner: Runner;
beforeAll(async () => {
  runner = await startRunner();
});
afterAll(async () => {
  await runner?.close();
});

describe('sandbox priority', () => {
  it('runs learners’ programs at a lower priority than the server', async () => {
    const { statusCode, body } = await runner.run(
      mainProgram(`package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		panic(err)
	}
	s := string(stat)
	fields := strings.Fields(s[strings.LastIndex(s, ")")+2:])
	fmt.Println(fields[16])
}
`),
    );
    expect(statusCode).toBe(200);
    expect(body.status).toBe('ok');
    // Relative to the server (this process), which may itself run niced.
    const server = niceOf(readFileSync('/proc/self/stat', 'utf8'));
    expect(Number(body.stdout.trim())).toBe(Math.min(19, server + SANDBOX_NICENESS));
  });

  it('runs them in a cpu cgroup that weighs less than the server', async () => {
    const support = detectCgroups();
    expect(support.version, 'the sandbox tests need cgroups').not.toBe('none');
    // Groups whose members run a sandbox right now, with the weight they give them.
    const weighed = (): { members: number; weight: number }[] => {
      if (support.version === 'v1') {
        if (!support.cpuGroup) return [];
        const members = readFileSync(join(support.cpuGroup, 'cgroup.procs'), 'utf8').trim();
        const weight = Number(readFileSync(join(support.cpuGroup, 'cpu.shares'), 'utf8'));
        return members ? [{ members: members.split('\n').length, weight }] : [];
      }
      if (support.version !== 'v2') return [];
      return readdirSync(support.parent)
        .map((name) => join(support.parent, name))
        .filter((dir) => existsSync(join(dir, 'cpu.weight')) && existsSync(join(dir, 'cgroup.procs')))
        .map((dir) => ({
          members: readFileSync(join(dir, 'cgroup.procs'), 'utf8').trim().split('\n').filter(Boolean).length,
          weight: Number(readFileSync(join(dir, 'cpu.weight'), 'utf8')),
        }))
        .filter((g) => g.members > 0 && g.weight === SANDBOX_CPU_WEIGHT);
    };
    if (support.version === 'v1')
      expect(support.cpuGroup, 'the v1 cpu hierarchy is writable here').not.toBeNull();
    const running = runner.run(
      mainProgram(`package main

import "time"

func main() { time.Sleep(3 * time.Second) }
`),
    );
    let seen: { members: number; weight: number }[] = [];
    while (seen.length === 0) {
      seen = weighed();
      if (seen.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen[0]!.weight).toBe(support.version === 'v1' ? SANDBOX_CPU_SHARES : SANDBOX_CPU_WEIGHT);
    expect((await running).body.status).toBe('ok');
  }, 60_000);
});
