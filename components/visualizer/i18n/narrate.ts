/**
 * Turns model narration and scheduler choices into the page's language. Models emit narration as
 * `{ key, params }`; the words come from each model folder's narration-en.ts and narration-zh.ts,
 * rendered here by one function for both languages. N.B. IMPORTED BY BROWSER CODE.
 */
import { SCENARIO_MODELS } from '../models/ids.ts';
import { modelOf } from '../models/registry.ts';
import type { Narration } from '../models/types.ts';
import { applyMove, enabledMoves, sameMove, startRun, type EnabledMove } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { Locale } from '../../i18n/index.ts';
import { render, type Template } from './format.ts';

/** Every narration template by locale and key, gathered from the models' folders. */
export const NARRATION: Record<Locale, Record<string, Template>> = {
  en: Object.assign({}, ...SCENARIO_MODELS.map((m) => modelOf(m).narration.en)) as Record<string, Template>,
  'zh-cn': Object.assign({}, ...SCENARIO_MODELS.map((m) => modelOf(m).narration['zh-cn'])) as Record<
    string,
    Template
  >,
};

/**
 * A narration sentence in `locale`. The key types make a missing template a compile error and
 * strings.test.ts replays every scenario in both locales; should one slip through, the key shows.
 */
export function narrationText(locale: Locale, x: Narration): string {
  return render(NARRATION[locale], x);
}

/** The event of an event-driven model written as the Go call (or plain words) it stands for. */
export function eventText(locale: Locale, model: Scenario['model'], event: unknown): string {
  const text = modelOf(model).eventText;
  return text ? text(locale, event) : JSON.stringify(event);
}

/**
 * The label of a scheduler button: `G2: lockSlow: CAS old → new`. A stepped model's step is a code
 * rendered from the narration tables like a sentence; an event-driven lane's is its next event.
 */
export function moveLabel(locale: Locale, s: Scenario, m: EnabledMove): string {
  const what = m.label ? narrationText(locale, m.label) : eventText(locale, s.model, m.event);
  return `${m.goroutine ?? ''}${locale === 'zh-cn' ? '：' : ': '}${what}`;
}
/** A predict level's script as the scheduler labels it would show: `G1: Lock: fast-path CAS → …`. */
export function scriptText(locale: Locale, s: Scenario): string {
  let run = startRun(s);
  const out: string[] = [];
  for (const m of s.script) {
    const em = enabledMoves(s, run).find((e) => sameMove(e.move, m));
    out.push(em?.goroutine ? moveLabel(locale, s, em) : typeof m === 'string' ? m : `+${m.tick} ns`);
    run = applyMove(s, run, m);
  }
  return out.join(' → ');
}
