/**
 * English narration of the legacy sync.Map model: one template per narration key. Its keys are the
 * model's key union (LegacyKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type Template } from '../../i18n/format.ts';

/** A list param (comma-separated keys) as `a, b`. */
const list = (v: unknown): string =>
  s(v as string)
    .split(',')
    .join(', ');

/** Templates by narration key. */
export const NARRATION_EN = {
  'legacy.miss': (p) => `misses = ${s(p.misses)} (< len(dirty) = ${s(p.dirtyLen)}).`,
  'legacy.promote': (p) =>
    `misses = ${s(p.misses)} ≥ len(dirty) = ${s(p.dirtyLen)}: dirty is promoted to read; dirty = nil, misses = 0.`,
  'legacy.dirtyLocked': (p) =>
    `dirty is nil, so read is copied into a new dirty map (${s(p.copied)} entries)${p.expunged ? `; deleted keys ${list(p.expunged)} become expunged` : ''}.`,
  'legacy.load.slow': (p) =>
    `Load(${s(p.key)}): not in read and read.amended is true, so it locks mu and looks in dirty${p.found ? '' : ' (not there either)'}.`,
  'legacy.load.fast': (p) => `Load(${s(p.key)}): answered from read without locking.`,
  'legacy.store.fast': (p) =>
    `Store(${s(p.key)}): the key is in read, so its entry is updated with a CAS, no lock.`,
  'legacy.store.unexpunge': (p) =>
    `Store(${s(p.key)}): the entry was expunged; under mu it is un-expunged and added back to dirty.`,
  'legacy.store.dirty': (p) => `Store(${s(p.key)}): under mu, the entry already in dirty is updated.`,
  'legacy.store.new': (p) => `Store(${s(p.key)}): a new key goes into dirty under mu; read.amended = true.`,
  'legacy.delete.slow': (p) =>
    `Delete(${s(p.key)}): not in read; under mu it is removed from dirty (and counts as a miss).`,
  'legacy.delete.entry': (p) =>
    `Delete(${s(p.key)}): the entry's pointer becomes nil (the key stays in read until the next dirty copy expunges it).`,
  'legacy.range.promote': () => 'Range: read is incomplete, so it locks mu and promotes dirty to read first.',
  'legacy.range': (p) => `Range visits ${s(p.count)} key(s): ${list(p.keys)}.`,
} satisfies Record<string, Template>;

/** A narration key of the legacy sync.Map model. */
export type LegacyKey = keyof typeof NARRATION_EN;
