/**
 * Turns model narration and scheduler choices into the page's language. English narration is the
 * model's own text (written for learners); 简体中文 comes from each model folder's narration-zh.ts.
 * N.B. IMPORTED BY BROWSER CODE.
 */
import { modelOf, SCENARIO_MODELS } from '../models/registry.ts';
import type { Narration } from '../models/types.ts';
import { applyMove, enabledMoves, sameMove, startRun, type EnabledMove, type Run } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { Locale } from '../strings.ts';
import type { Template } from './format.ts';

/** Every 简体中文 narration template by key, gathered from the models' folders. */
export const NARRATION_ZH: Record<string, Template> = Object.assign(
  {},
  ...SCENARIO_MODELS.map((m) => modelOf(m).narrationZh),
) as Record<string, Template>;

/** 简体中文 names of the models' micro-steps, keyed like EnabledEvent.key. */
export const LABEL_ZH: Record<string, string> = Object.assign(
  {},
  ...SCENARIO_MODELS.map((m) => modelOf(m).labelsZh ?? {}),
) as Record<string, string>;

/** A narration sentence in `locale` (English, or a missing template, falls back to the model's text). */
export function narrationText(locale: Locale, x: Narration): string {
  if (locale === 'en') return x.text;
  const tpl = NARRATION_ZH[x.key];
  return tpl ? tpl(x.params) : x.text;
}

/** The event of an event-driven model written as the Go call (or plain words) it stands for. */
export function eventText(locale: Locale, model: Scenario['model'], event: unknown): string {
  const text = modelOf(model).eventText;
  return text ? text(locale, event) : JSON.stringify(event);
}

/** The label of a scheduler button: `G2: lockSlow: CAS old → new`. */
export function moveLabel(locale: Locale, s: Scenario, run: Run, m: EnabledMove): string {
  const g = m.goroutine ?? '';
  if (m.key === null) return `${g}${locale === 'zh-cn' ? '：' : ': '}${eventText(locale, s.model, m.event)}`;
  if (locale === 'en') return m.label;
  const opZh = modelOf(s.model).opZh;
  if (opZh) return `${g}：${opZh(run.state, g)} ${LABEL_ZH[m.key] ?? ''}`.trim();
  return `${g}：${LABEL_ZH[m.key] ?? m.label.replace(/^[^:]*:\s*/, '')}`;
}
/** A predict level's script as the scheduler labels it would show: `G1: Lock: fast-path CAS → …`. */
export function scriptText(locale: Locale, s: Scenario): string {
  let run = startRun(s);
  const out: string[] = [];
  for (const m of s.script) {
    const em = enabledMoves(s, run).find((e) => sameMove(e.move, m));
    out.push(em ? moveLabel(locale, s, run, em) : typeof m === 'string' ? m : `+${m.tick} ns`);
    run = applyMove(s, run, m);
  }
  return out.join(' → ');
}
