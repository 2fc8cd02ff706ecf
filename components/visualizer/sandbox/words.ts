/**
 * The sandbox's facts in the page's language: an outcome class, a level's win, an import error.
 * The model and the format return codes and facts; only this file words them.
 * N.B. IMPORTED BY BROWSER CODE.
 */
import type { Predicate } from '../engine/types.ts';
import type { ProgramOutcome } from '../models/program/outcome.ts';
import { t, type Locale } from '../../i18n/index.ts';
import type { SandboxError } from './format.ts';

/** An outcome row's words: its end, x's value, and the race detector's report. */
export function outcomeText(locale: Locale, o: ProgramOutcome): string {
  const end =
    o.end === 'ok'
      ? o.x === null
        ? t(locale, 'viz.sb.out.okPlain')
        : t(locale, 'viz.sb.out.ok', { x: o.x })
      : o.end === 'lostUpdate'
        ? t(locale, 'viz.sb.out.lostUpdate', { x: o.x ?? 0 })
        : o.end === 'deadlock'
          ? t(locale, 'viz.sb.out.deadlock')
          : t(locale, o.end === 'panic' ? 'viz.sb.out.panic' : 'viz.sb.out.fatal', {
              message: o.message ?? '',
            });
  return o.race ? t(locale, 'viz.sb.out.race', { outcome: end }) : end;
}

/** A level's win as the builder's choice names it. */
export function winText(locale: Locale, w: Predicate): string {
  switch (w.kind) {
    case 'panic':
      return t(locale, 'viz.sb.win.panic', { message: w.message ?? '' });
    case 'fatal':
      return t(locale, 'viz.sb.win.fatal', { message: w.message ?? '' });
    case 'deadlock':
      return t(locale, 'viz.sb.win.deadlock');
    case 'lostUpdate':
      return t(locale, 'viz.sb.win.lostUpdate');
    default:
      return t(locale, 'viz.sb.win.race');
  }
}

/** The hint a sandbox level offers, by the kind of win. */
export function hintText(locale: Locale, w: Predicate): string {
  const key = (
    {
      deadlock: 'viz.sb.hint.deadlock',
      lostUpdate: 'viz.sb.hint.lostUpdate',
      panic: 'viz.sb.hint.panic',
      fatal: 'viz.sb.hint.fatal',
    } as const
  )[w.kind as 'deadlock'];
  return t(locale, key ?? 'viz.sb.hint.race');
}

/** An import problem in words. */
export function sandboxErrorText(locale: Locale, e: SandboxError): string {
  return t(locale, `viz.sb.err.${e.code}`, 'params' in e ? e.params : {});
}
