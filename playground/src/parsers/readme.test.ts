/**
 * README.md lists every runtime `fatal error:` text the classifier knows and the status it gets.
 * The expected rows come from KNOWN_FATALS and from classify() itself, so the list cannot drift.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawOutcome } from '../sandbox/plan/outcome.ts';
import { KNOWN_FATALS } from './fatal.ts';
import { classify } from './status.ts';

const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');

/** The status classify() gives a plain build that printed `fatal error: <message>` the runtime's way. */
function statusOf(message: string, traceback: boolean): string {
  const trace = traceback ? '\ngoroutine 1 [running]:\nmain.main()\n\t/sandbox/src/main.go:5 +0x1d\n' : '';
  const step = {
    exitCode: 2,
    signal: null,
    stdout: '',
    stderr: `fatal error: ${message}\n${trace}`,
    outputLimited: false,
    timedOut: false,
    memoryLimited: false,
    stalled: false,
    durationMs: 1,
  };
  const outcome: RawOutcome = {
    action: 'run',
    race: false,
    workDir: '/sandbox/src',
    build: { ...step, exitCode: 0, stderr: '' },
    run: step,
    cachedBinary: false,
    timings: { buildMs: 1, runMs: 1 },
  };
  return classify(outcome).status;
}

/** The cells of the table between the fatal-table markers, one array per body row. */
function tableRows(): string[][] {
  const start = readme.indexOf('<!-- fatal-table:start -->');
  const end = readme.indexOf('<!-- fatal-table:end -->');
  expect(start, 'README.md has the fatal-table markers').toBeGreaterThan(-1);
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('parsers/README.md', () => {
  it('lists every known fatal error with the status the classifier gives it', () => {
    const expected = KNOWN_FATALS.map((f) => [
      `\`${f.message}\``,
      `\`${statusOf(f.message, f.traceback)}\``,
      f.traceback ? 'yes' : 'no',
      f.thrownBy,
    ]);
    expected.push(['any other text', `\`${statusOf('sync: unlock of unlocked mutex', true)}\``, 'yes', '—']);
    expect(tableRows()).toEqual(expected);
  });
});
