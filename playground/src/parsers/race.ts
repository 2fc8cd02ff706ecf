/**
 * Data race reports printed by the race detector (ThreadSanitizer's Go mode):
 *
 *   ==================
 *   WARNING: DATA RACE
 *   Read at 0x00c000018128 by goroutine 9:        ← current access
 *     main.main.func1()
 *         /sandbox/src/main.go:15 +0x7b
 *
 *   Previous write at 0x00c000018128 by main goroutine:
 *     …
 *   Goroutine 9 (running) created at:
 *     …
 *   ==================
 *
 * Goroutine numbers: the race detector numbers goroutines with its own thread ids, which are NOT
 * the goids of a traceback (measured on go1.26: a race report's "goroutine 7" was "goroutine 6" in
 * the crash dump printed a moment later). The race detector's id 0 is the main goroutine, printed
 * as "main goroutine"; we therefore represent "main goroutine" as 0 (never a valid goid, so the UI
 * can render 0 as "main goroutine" without ambiguity).
 */
import type { Race, RaceAccess } from '../../../contract/run.ts';
import { parseStack } from './frames.ts';

/** The id used for the race detector's "main goroutine". */
export const MAIN_GOROUTINE_ID = 0;

const START = 'WARNING: DATA RACE';
const SEPARATOR = /^={10,}\s*$/;
const ACCESS =
  /^(Previous )?(?:atomic )?(read|write) at 0x[0-9a-f]+ by (main goroutine|goroutine (\d+)):\s*$/i;
const CREATED = /^Goroutine (\d+) \((?:running|finished)\) created at:\s*$/;

/** Returns the goroutine id of an access header's "by …" part (main goroutine → 0). */
function goroutineId(main: string, id: string | undefined): number {
  return id === undefined || main === 'main goroutine' ? MAIN_GOROUTINE_ID : Number(id);
}

/** Splits a report body into sections: a header line and the lines up to the next blank line. */
function sections(body: readonly string[]): { header: string; lines: string[] }[] {
  const out: { header: string; lines: string[] }[] = [];
  let current: { header: string; lines: string[] } | null = null;
  for (const line of body) {
    if (line.trim() === '') {
      current = null;
    } else if (current === null) {
      current = { header: line.trim(), lines: [] };
      out.push(current);
    } else {
      current.lines.push(line);
    }
  }
  return out;
}

/** Returns the race described by the lines between `WARNING: DATA RACE` and the closing rule. */
function parseReport(body: readonly string[], workDir: string): Race {
  const accesses: RaceAccess[] = [];
  const goroutines: Race['goroutines'] = [];
  for (const { header, lines } of sections(body)) {
    const access = ACCESS.exec(header);
    if (access) {
      const op = access[2]?.toLowerCase() === 'write' ? 'write' : 'read';
      // "[failed to restore the stack]" leaves the stack empty rather than dropping the access.
      accesses.push({
        op,
        goroutine: goroutineId(access[3] ?? '', access[4]),
        stack: parseStack(lines, workDir),
      });
      continue;
    }
    const created = CREATED.exec(header);
    if (created) goroutines.push({ id: Number(created[1]), createdAt: parseStack(lines, workDir) });
    // Other sections (none in Go mode today) are ignored rather than guessed at.
  }
  return { accesses, goroutines };
}

/**
 * Returns every race report in the text, in order. A report cut off by the output limit (no
 * closing rule) is still returned with what it has.
 */
export function parseRaceReports(text: string, workDir: string): Race[] {
  const lines = text.split(/\r?\n/);
  const races: Race[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== START) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !SEPARATOR.test(lines[j] ?? '') && lines[j]?.trim() !== START) {
      body.push(lines[j] ?? '');
      j++;
    }
    races.push(parseReport(body, workDir));
    i = j - 1;
  }
  return races;
}

/** Returns how many distinct goroutines took part in the races (for the summary message). */
export function raceGoroutineCount(races: readonly Race[]): number {
  const ids = new Set<number>();
  for (const race of races) for (const a of race.accesses) ids.add(a.goroutine);
  return ids.size;
}
