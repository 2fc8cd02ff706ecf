/**
 * English narration of the map-check model: one template per narration key. Its keys are the
 * model's key union (MapKey); narration-zh.ts must have exactly the same keys. Go's own messages
 * (fatal error: …) are quoted as Go prints them.
 */
import { s, type P, type Template } from '../../i18n/format.ts';

/** A string as a Go literal: `"a"`. */
const q = (v: unknown): string => JSON.stringify(s(v as string));
/** The write as Go code: `m["a"] = "1"` or `delete(m, "a")`. */
const verb = (p: P): string =>
  p.op === 'delete' ? `delete(m, ${q(p.key)})` : `m[${q(p.key)}] = ${q(p.value)}`;

/** Templates by narration key. */
export const NARRATION_EN = {
  'map.fatal': (p) => `${s(p.g)} sees writing = ${s(p.writing)}: fatal error: ${s(p.message)}`,
  'map.write.check': (p) => `${s(p.g)} starts ${verb(p)}: writing is 0, no other writer seen.`,
  'map.write.toggle': (p) => `${s(p.g)} hashes the key and toggles writing: now ${s(p.writing)}.`,
  'map.write.insert': (p) => `${s(p.g)} updates the slot for ${q(p.key)}.`,
  'map.write.done': (p) => `${s(p.g)} finishes ${verb(p)} and toggles writing back to ${s(p.writing)}.`,
  'map.read.check': (p) => `${s(p.g)} starts reading m[${q(p.key)}]: writing is 0.`,
  'map.read.done': (p) => `${s(p.g)} reads m[${q(p.key)}] = ${p.found ? q(p.value) : 'zero value'}.`,
  'map.range.init': (p) => `${s(p.g)} starts a range loop over ${s(p.count)} entries.`,
  'map.range.next': (p) => `${s(p.g)} visits key ${q(p.key)}.`,
  'map.range.done': (p) => `${s(p.g)} finishes the range loop.`,
  // Scheduler button labels: what the goroutine's next step does.
  'map.label.start': (p) => `${s(p.kind)} check writing`,
  'map.label.toggle': (p) => `${s(p.kind)} toggle`,
  'map.label.insert': (p) => `${s(p.kind)} insert`,
  'map.label.finish': (p) => `${s(p.kind)} finish`,
  'map.label.lookup': (p) => `${s(p.kind)} lookup`,
  'map.label.iterNext': (p) => `${s(p.kind)} iterNext`,
} satisfies Record<string, Template>;

/** A narration key of the map-check model. */
export type MapKey = keyof typeof NARRATION_EN;
