/**
 * A race report's accesses placed on the timeline's lanes. The race detector numbers goroutines
 * its own way (ThreadSanitizer's thread ids, handed out as goroutines start and reused once
 * enough have ended; the main goroutine is 0), so its numbers are not the trace's goroutine ids.
 * Both record the go statement that created a goroutine and the function it started with, so a
 * report's goroutine is matched by those two; when several goroutines of the trace share both
 * (a loop of go statements), the mark says so instead of guessing. Pure: no DOM, no locale.
 */
import type { Frame, Race, RaceAccess } from '../../contract/run.ts';
import { learnerFrame, type Lane, type Place, type TimelineModel } from './model.ts';
import { atText, phrase, type Phrase } from './sentences.ts';

/** One access of a race, and where it sits on the timeline. */
export interface RaceMark {
  race: number;
  /** The goroutine as the race report numbers it (0: the main goroutine). */
  reportG: number;
  op: 'read' | 'write';
  at: Place | null;
  /** The trace's goroutines that match it: one means the mark is on that lane. */
  candidates: number[];
  /** The trace's goroutine when exactly one matches, else null. */
  g: number | null;
  /** When that goroutine was alive in the trace: the access happened somewhere in here. */
  from: number;
  to: number;
  /** The go statement that created it, as the report says (for the words when several match). */
  created: Place | null;
}

const samePlace = (a: Place | null, b: Frame | undefined): boolean =>
  a !== null && b !== undefined && a.file === b.file && a.line === b.line;

/**
 * The function a goroutine started with, from the outermost frame of an access's stack. For
 * `go f(x)` the compiler starts a wrapper (main.main.gowrap1) that calls f; the trace names f.
 */
function startFuncOf(stack: readonly Frame[]): string | undefined {
  const outer = stack.at(-1);
  return outer && /\.gowrap\d+$/.test(outer.func) ? (stack.at(-2)?.func ?? outer.func) : outer?.func;
}

/** The lanes that can be the report's goroutine reportG, which made access. */
export function matchingLanes(model: TimelineModel, race: Race, access: RaceAccess): Lane[] {
  const live = model.lanes.filter((l) => l.spans.length > 0);
  if (access.goroutine === 0) return live.filter((l) => l.func === 'main.main' && l.created === null);
  const startFunc = startFuncOf(access.stack);
  const creator = race.goroutines.find((g) => g.id === access.goroutine)?.createdAt[0];
  if (startFunc === undefined && creator === undefined) return [];
  return live.filter(
    (l) =>
      (startFunc === undefined || l.func === startFunc) &&
      (creator === undefined || samePlace(l.created, creator)),
  );
}

/** Each race's accesses with the lanes they belong to. */
export function raceMarks(model: TimelineModel, races: readonly Race[]): RaceMark[] {
  const out: RaceMark[] = [];
  races.forEach((race, i) => {
    for (const access of race.accesses) {
      const lanes = matchingLanes(model, race, access);
      const lane = lanes.length === 1 ? lanes[0]! : null;
      const creator = race.goroutines.find((g) => g.id === access.goroutine)?.createdAt[0];
      out.push({
        race: i,
        reportG: access.goroutine,
        op: access.op,
        at: learnerFrame(access.stack, model.sources),
        candidates: lanes.map((l) => l.g),
        g: lane?.g ?? null,
        from: lane?.spans[0]?.start ?? 0,
        to: lane?.spans.at(-1)?.end ?? model.endNs,
        created: creator ? { file: creator.file, line: creator.line } : null,
      });
    }
  });
  return out;
}

/** How the race report names the goroutine. */
const reportName = (mark: RaceMark): Phrase =>
  mark.reportG === 0 ? phrase('tl.race.report.main') : phrase('tl.race.report.g', { n: mark.reportG });

/** The words of a race mark. */
export function raceMarkPhrase(mark: RaceMark): Phrase {
  const op = phrase(mark.op === 'write' ? 'tl.op.write' : 'tl.op.read');
  const at = mark.at ? atText(mark.at) : '?';
  if (mark.g !== null) return phrase('tl.race.mark', { g: mark.g, report: reportName(mark), op, at });
  if (mark.candidates.length > 1)
    return phrase('tl.race.some', {
      report: reportName(mark),
      op,
      at,
      gs: mark.candidates.map((g) => `G${g}`).join(', '),
      created: mark.created ? atText(mark.created) : '?',
    });
  return phrase('tl.race.lost', { report: reportName(mark) });
}
