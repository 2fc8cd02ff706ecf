/**
 * English narration of the sandbox program's own steps (plain work, the shared variable x and the
 * race detector); the steps inside a mutex, RWMutex, map or WaitGroup are narrated by that model's
 * own tables. narration-zh.ts has exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'prog.work': (p) =>
    `${s(p.g)} runs ordinary code (or sleeps): nothing shared is touched, nothing is ordered.`,
  'prog.label.work': () => 'work',
  'prog.x.load': (p) => `${s(p.g)} loads x = ${s(p.reg)} into its register (the first half of x++).`,
  'prog.x.store': (p) => `${s(p.g)} stores its register + 1: x = ${s(p.value)}.`,
  'prog.x.read': (p) => `${s(p.g)} reads x = ${s(p.reg)}.`,
  'prog.label.load': () => 'x++: load x',
  'prog.label.store': () => 'x++: store x',
  'prog.label.read': () => 'read x',
  'prog.race': (p) =>
    `WARNING: DATA RACE on ${s(p.loc)}: ${s(p.second)}'s ${p.secondWrite ? 'write' : 'read'} and ${s(p.first)}'s earlier ${p.firstWrite ? 'write' : 'read'} are not ordered by any happens-before edge.`,
} satisfies Record<string, Template>;

/** A narration key of the program model. */
export type ProgramKey = keyof typeof NARRATION_EN;
