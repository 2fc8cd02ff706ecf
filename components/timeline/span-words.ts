/**
 * How a span is said and marked on its lane: its state in words (a wait with what it waits on),
 * its button's full label, and the mark that tells the states apart without colour.
 * N.B. BROWSER CODE (the words come from components/i18n).
 */
import { t, type Locale } from '../i18n/index.ts';
import type { SpanBox } from './model.ts';
import { duration } from './words.ts';

/** A mark per state, drawn beside the colour and pattern so that no state is told by colour alone. */
export const STATE_MARK: Record<SpanBox['state'], string> = {
  running: '▮',
  runnable: '▱',
  waiting: '‖',
  syscall: '⇅',
};

/** The span's state; a wait says what it waits on (the call, or else the reason). */
export function stateText(locale: Locale, s: SpanBox): string {
  const state = t(locale, `tl.state.${s.state}`);
  if (s.state !== 'waiting') return state;
  return t(locale, 'tl.state.on', { state, what: s.call ?? t(locale, `tl.reason.${s.reason ?? 'other'}`) });
}

/** The span button's accessible name: goroutine, state, start, end and duration. */
export function spanLabel(locale: Locale, s: SpanBox): string {
  return t(locale, 'tl.span.label', {
    g: s.g,
    state: stateText(locale, s),
    from: duration(locale, s.start),
    to: duration(locale, s.end),
    duration: duration(locale, s.end - s.start),
  });
}
