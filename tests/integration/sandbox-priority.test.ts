/**
 * Everything a sandbox runs is niced below the server (SANDBOX_NICENESS), so the server's own
 * event loop — accepting a class's submissions, answering pages — is not held back by the builds
 * and programs it runs. Read from inside the sandbox: a program prints the nice value of its own
 * process (field 19 of /proc/self/stat, the sandbox's own /proc): the server's plus SANDBOX_NICENESS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SANDBOX_NICENESS } from '../../playground/src/sandbox/bwrap-args.ts';
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
});
