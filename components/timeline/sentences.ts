/**
 * What the timeline says, as keys and facts ({ key, params }) that words.ts words in the page's
 * locale: a selected span ("G4 waited 2.1 ms on mu.Lock() at main.go:26; G3 held it from …"),
 * a wake edge, each replay step, and the wait-for picture at a deadlock. Pure: no DOM, no locale.
 */
import type { Goroutine, RunResult } from '../../contract/run.ts';
import type { TimelineKey } from '../i18n/index.ts';
import { codeAt, heldFrom, learnerFrame, type Place, type SpanBox, type TimelineModel } from './model.ts';

/** A duration or a time, worded per locale. */
export interface Ns {
  ns: number;
}

export type Param = string | number | Ns | Phrase;

export interface Phrase {
  key: TimelineKey;
  params: Record<string, Param>;
}

export const phrase = (key: TimelineKey, params: Record<string, Param> = {}): Phrase => ({ key, params });

/** A place as main.go:26 (the same in every locale). */
export const atText = (place: Place): string => `${place.file}:${place.line}`;

function reasonPhrase(span: SpanBox): Phrase {
  return phrase(`tl.reason.${span.reason ?? 'other'}`);
}

/** The sentence a selected span says. */
export function spanSentence(model: TimelineModel, span: SpanBox): Phrase {
  const duration: Ns = { ns: span.end - span.start };
  const g = span.g;
  if (span.state === 'running') return phrase('tl.span.running', { g, duration });
  if (span.state === 'runnable') return phrase('tl.span.runnable', { g, duration });
  if (span.state === 'syscall')
    return span.at
      ? phrase('tl.span.syscall', { g, duration, at: atText(span.at) })
      : phrase('tl.span.syscall.nowhere', { g, duration });
  if (!span.at) return phrase('tl.wait.nowhere', { g, duration, reason: reasonPhrase(span) });
  const where = { g, duration, at: atText(span.at), call: span.call ?? reasonPhrase(span) };
  if (span.open) return phrase('tl.wait.open', { ...where, from: { ns: span.start } });
  const wake = span.wake;
  if (!wake) return phrase('tl.wait', where);
  if (!wake.drawn) return phrase('tl.wait.runtime', where);
  const from = heldFrom(model, span);
  if (from && wake.at)
    return phrase('tl.wait.held', { ...where, waker: wake.g, from: atText(from), to: atText(wake.at) });
  if (wake.at)
    return phrase('tl.wait.woken', {
      ...where,
      waker: wake.g,
      wakerAt: atText(wake.at),
      wakerCall: wake.call ?? atText(wake.at),
    });
  return phrase('tl.wait.woken.nowhere', { ...where, waker: wake.g });
}

/** The label of a wake edge: "G3's mu.Unlock() at main.go:29 woke G4". */
export function edgePhrase(span: SpanBox): Phrase | null {
  const wake = span.wake;
  if (!wake?.drawn) return null;
  return wake.at
    ? phrase('tl.edge', { waker: wake.g, g: span.g, at: atText(wake.at), call: wake.call ?? atText(wake.at) })
    : phrase('tl.edge.nowhere', { waker: wake.g, g: span.g });
}

/** One event of the replay: a span begins, or a wait ends with a wake. */
export interface Step {
  t: number;
  span: number;
  kind: 'start' | 'wake';
  say: Phrase;
}

/**
 * The replay's events in time order: every span's start, and every wake at the end of the wait
 * it ended (after the spans that start at the same moment, since the wake caused them).
 */
export function steps(model: TimelineModel): Step[] {
  const out: Step[] = [];
  for (const span of model.spans) {
    const time: Ns = { ns: span.start };
    let say: Phrase;
    if (span.state === 'waiting')
      say = span.at
        ? phrase('tl.step.wait', {
            time,
            g: span.g,
            at: atText(span.at),
            call: span.call ?? reasonPhrase(span),
          })
        : phrase('tl.step.wait.nowhere', { time, g: span.g, reason: reasonPhrase(span) });
    else say = phrase('tl.step.start', { time, g: span.g, state: phrase(`tl.state.${span.state}`) });
    out.push({ t: span.start, span: span.index, kind: 'start', say });
    const edge = edgePhrase(span);
    if (edge)
      out.push({
        t: span.end,
        span: span.index,
        kind: 'wake',
        say: phrase('tl.step.wake', { time: { ns: span.end }, edge }),
      });
  }
  const rank = (s: Step) => (s.kind === 'start' ? 1 : 0);
  return out
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.t - b.s.t || rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/** One line of the wait-for picture at a deadlock. */
export interface WaitFor {
  g: number;
  /** What it waits on, from its final stack (the learner's line), else the dump's state text. */
  waits: Phrase;
  /** Who holds what it waits on, when it is a lock; null for channels, WaitGroups, … */
  holder: Phrase | null;
  at: Place | null;
}

function lastLockTaker(model: TimelineModel, at: Place, g: number): { g: number; at: Place } | null {
  // The last wait on the same lock call that ended in the trace: its goroutine then took the lock.
  const taken = model.spans.filter(
    (s) => s.state === 'waiting' && !s.open && s.at?.file === at.file && s.at.line === at.line && s.g !== g,
  );
  const last = taken.at(-1);
  return last?.at ? { g: last.g, at: last.at } : null;
}

const LOCKISH = /Mutex|RWMutex|sync\.Mutex|semacquire|Lock/i;

/**
 * The deadlock's wait-for picture: every goroutine of the final dump (RunResult.goroutines), what
 * it waits on at which line of the learner's code, and for a lock the goroutine the trace last
 * saw take it; an uncontended Lock leaves no event, which the picture says rather than guesses.
 */
export function waitForPicture(model: TimelineModel, result: Pick<RunResult, 'goroutines'>): WaitFor[] {
  return result.goroutines.map((g: Goroutine) => {
    const at = learnerFrame(g.frames, model.sources);
    const waits = at
      ? phrase('tl.deadlock.waits', { g: g.id, at: atText(at), call: codeAt(at, model.sources) ?? g.state })
      : phrase('tl.deadlock.waits.nowhere', { g: g.id, state: g.state });
    let holder: Phrase | null = null;
    if (at && LOCKISH.test(`${g.state} ${g.frames.map((f) => f.func).join(' ')}`)) {
      const taker = lastLockTaker(model, at, g.id);
      holder = taker
        ? phrase('tl.deadlock.held', { holder: taker.g, at: atText(taker.at) })
        : phrase('tl.deadlock.held.unknown');
    }
    return { g: g.id, waits, holder, at };
  });
}
