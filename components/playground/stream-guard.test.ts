import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Value } from 'typebox/value';
import { StreamMessage } from '../../contract/stream.ts';
import type { RunResult } from '../../contract/run.ts';
import { ALL_GUARDS, streamGuardSource } from './stream-guard-source.ts';
import { isStreamMessage, readStreamMessage } from './stream-check.ts';

const result: RunResult = {
  status: 'race',
  exitCode: 66,
  stdout: 'hello\n',
  stderr: 'WARNING: DATA RACE\n',
  truncated: false,
  races: [
    {
      accesses: [
        { op: 'write', goroutine: 7, stack: [{ func: 'main.main.func1', file: 'main.go', line: 9 }] },
      ],
      goroutines: [{ id: 7, createdAt: [{ func: 'main.main', file: 'main.go', line: 8 }] }],
    },
  ],
  tests: [{ name: 'TestA', status: 'pass', elapsedMs: 1, output: '=== RUN   TestA\n', race: false }],
  diagnostics: [
    { file: 'main.go', line: 3, column: 8, message: 'import "C"', source: 'compiler', code: 'cgo_refused' },
  ],
  goroutines: [{ id: 1, state: 'sync.Mutex.Lock', frames: [] }],
  files: { 'main.go': 'package main\n' },
  message: 'Data race detected.',
  cause: { code: 'main_goexit', at: [{ func: 'main.main', file: 'main.go', line: 5 }] },
  timings: { queueMs: 0, buildMs: 500, runMs: 100, totalMs: 600 },
};

const VALID: unknown[] = [
  { type: 'queued', position: 2 },
  { type: 'phase', phase: 'building' },
  { type: 'output', stream: 'stderr', data: 'x' },
  { type: 'result', result },
  { type: 'result', result: { ...result, files: undefined, message: undefined, cause: undefined } },
  { type: 'error', error: 'queue_full', message: 'wait', retryAfterS: 5 },
  { type: 'error', error: 'bad_request', message: 'no' },
];

const INVALID: unknown[] = [
  null,
  'text',
  [],
  {},
  { type: 'queued' },
  { type: 'queued', position: 1.5 },
  { type: 'phase', phase: 'compiling' },
  { type: 'output', stream: 'stdin', data: 'x' },
  { type: 'output', stream: 'stdout', data: 1 },
  { type: 'result', result: { ...result, status: 'exploded' } },
  { type: 'result', result: { ...result, tests: [{ name: 'TestA' }] } },
  { type: 'result', result: { ...result, files: { 'main.go': 1 } } },
  { type: 'result', result: { ...result, timings: undefined } },
  { type: 'error', error: 'x' },
  { type: 'error', error: 'x', message: 'y', retryAfterS: 'soon' },
  { type: 'progress', percent: 50 },
];

describe('the browser checks stream messages against the contract', () => {
  test.each(ALL_GUARDS.map((g) => [g.file.pathname.split('/').at(-1), g]))(
    'the committed %s is the one the contract generates today',
    async (_name, guard) => {
      expect(readFileSync(guard.file, 'utf8')).toBe(await streamGuardSource(guard));
    },
  );

  test.each(VALID.map((m) => [JSON.stringify(m).slice(0, 60), m]))('accepts %s', (_name, m) => {
    expect(Value.Check(StreamMessage, m)).toBe(true);
    expect(isStreamMessage(m)).toBe(true);
  });

  test.each(INVALID.map((m) => [JSON.stringify(m)?.slice(0, 60) ?? String(m), m]))(
    'refuses %s',
    (_name, m) => {
      expect(Value.Check(StreamMessage, m)).toBe(false);
      expect(isStreamMessage(m)).toBe(false);
    },
  );

  test('reads a message from its text, and nothing from text that is not one', () => {
    expect(readStreamMessage('{"type":"phase","phase":"running"}')).toEqual({
      type: 'phase',
      phase: 'running',
    });
    expect(readStreamMessage('{"type":"phase"')).toBeNull();
    expect(readStreamMessage('{"type":"phase","phase":"later"}')).toBeNull();
  });
});
