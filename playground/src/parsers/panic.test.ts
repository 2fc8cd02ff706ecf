import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPanic } from './panic.ts';
import { parseTestEvents } from './test2json.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const userLine = (text: string): number | undefined =>
  detectPanic(text, W)?.goroutines[0]?.frames.find((f) => f.file === 'main.go')?.line;

describe('detectPanic', () => {
  it.each([
    ['panic_custom.txt', 'boom', 1, 7],
    ['nil_map.txt', 'assignment to entry in nil map', 1, 5],
    ['index_oob.txt', 'runtime error: index out of range [5] with length 3', 1, 6],
    ['nil_deref.txt', 'runtime error: invalid memory address or nil pointer dereference', 1, 7],
    ['negative_wg.txt', 'sync: negative WaitGroup counter', 1, 9],
    ['panic_goroutine.txt', 'worker failed', 18, 9],
  ])('%s', (file, message, goroutine, line) => {
    const p = detectPanic(fixture(file), W);
    expect(p?.message).toBe(message);
    expect(p?.testTimeout).toBeNull();
    expect(p?.goroutines[0]?.id).toBe(goroutine);
    expect(userLine(fixture(file))).toBe(line);
  });

  it('keeps all goroutines of the traceback (GOTRACEBACK=all)', () => {
    expect(
      detectPanic(fixture('panic_goroutine.txt'), W)?.goroutines.map((g) => `${g.id}:${g.state}`),
    ).toEqual(['18:running', '1:sleep']);
  });

  it('reads a panic inside a test, dropping the [recovered, repanicked] note', () => {
    const run = parseTestEvents(fixture('test_panic.txt'), W);
    const p = detectPanic(run.text, W);
    expect(p?.message).toBe('assignment to entry in nil map');
    expect(p?.goroutines[0]?.frames.find((f) => f.file === 'panic_test.go')).toEqual({
      func: 'sandbox.TestPanics',
      file: 'panic_test.go',
      line: 9,
    });
  });

  it('tells the test -timeout alarm apart', () => {
    const p = detectPanic(parseTestEvents(fixture('test_hang.txt'), W).text, W);
    expect(p?.testTimeout).toBe('2s');
    expect(p?.message.split('\n')[0]).toBe('test timed out after 2s');
  });

  it('uses the last panic of a chain and keeps multi-line values', () => {
    const chain =
      'panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\nmain.main()\n\t/sandbox/src/main.go:9 +0x1\n';
    expect(detectPanic(chain, W)?.message).toBe('second');
    const multi =
      'panic: line one\nline two\n\ngoroutine 1 [running]:\nmain.main()\n\t/sandbox/src/main.go:3 +0x1\n';
    expect(detectPanic(multi, W)?.message).toBe('line one\nline two');
  });

  it('ignores "panic: " without a traceback, and fatal errors', () => {
    expect(detectPanic('panic: just printed by the program\n', W)).toBeNull();
    expect(detectPanic(fixture('exit3.txt'), W)).toBeNull();
    expect(detectPanic(fixture('unlock_unlocked.txt'), W)).toBeNull();
  });
});
