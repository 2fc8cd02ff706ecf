/**
 * English narration of the happens-before model: one template per narration key. Its keys are the
 * model's key union (HappensBeforeKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'hb.release': (p) => `${s(p.g)} releases ${s(p.sync)}: ${s(p.sync)} now carries ${s(p.clock)}.`,
  'hb.acquire': (p) => `${s(p.g)} acquires ${s(p.sync)}: its clock becomes ${s(p.clock)}.`,
  'hb.go': (p) =>
    `${s(p.parent)} starts ${s(p.child)}; everything ${s(p.parent)} did so far happens before ${s(p.child)} runs.`,
  'hb.read': (p) => `${s(p.g)} reads ${s(p.variable)} at ${s(p.clock)}.`,
  'hb.write': (p) => `${s(p.g)} writes ${s(p.variable)} at ${s(p.clock)}.`,
  'hb.race': (p) =>
    `DATA RACE on ${s(p.variable)}: ${s(p.previous)}'s ${s(p.previousKind)} and ${s(p.current)}'s ${s(p.currentKind)} are not ordered by happens-before.`,
} satisfies Record<string, Template>;

/** A narration key of the happens-before model. */
export type HappensBeforeKey = keyof typeof NARRATION_EN;
