/**
 * Pure geometry and decoding for the renderer: which bit cells a state word has and what each
 * means (and back: the word a learner's bit toggles make), hex formatting, and where each step's
 * box sits on the SVG timeline. No DOM here, so it is unit-tested and the element only turns these
 * shapes into nodes.
 */
import type { Move } from '../engine/types.ts';

/** What a bit of the Mutex state word is for. */
export type BitRole = 'locked' | 'woken' | 'starving' | 'waiters';

/** One bit cell: its index, value and role; waiter bits also carry their weight in the waiter count. */
export interface BitCell {
  bit: number;
  value: 0 | 1;
  role: BitRole;
  /** For waiter bits: 2^(bit − 3), what this bit adds to state >> 3. */
  weight: number;
}

/** The low `count` bits of a Mutex state word, most significant first (as the word is written). */
export function mutexBitCells(word: number, count = 8): BitCell[] {
  const roles: BitRole[] = ['locked', 'woken', 'starving'];
  return Array.from({ length: count }, (_, i) => {
    const bit = count - 1 - i;
    return {
      bit,
      value: ((word >>> bit) & 1) as 0 | 1,
      role: roles[bit] ?? 'waiters',
      weight: bit >= 3 ? 2 ** (bit - 3) : 0,
    };
  });
}

/** A state word from the learner's bit toggles (index 0 = bit 0). */
export function wordFromBits(bits: readonly boolean[]): number {
  return bits.reduce((w, on, i) => (on ? w | (1 << i) : w), 0);
}

/** `0x0d`: unsigned hex of an int32, zero-padded to `digits`. */
export function hex(n: number, digits = 2): string {
  return `0x${(n >>> 0).toString(16).padStart(digits, '0')}`;
}

/** Binary of the low `bits` bits, grouped by 4 for reading: `0000 1101`. */
export function binary(n: number, bits = 8): string {
  const raw = (n >>> 0).toString(2).padStart(bits, '0').slice(-bits);
  return raw.replace(/(.{4})(?=.)/g, '$1 ');
}

/** One step on the timeline. */
export interface TimelineBox {
  step: number;
  row: number;
  x: number;
  y: number;
  size: number;
  kind: 'past' | 'current' | 'future';
}

/** The whole timeline: rows (one per lane, plus the clock when the script ticks) and step boxes. */
export interface TimelineLayout {
  width: number;
  height: number;
  rows: { id: string; y: number }[];
  boxes: TimelineBox[];
}

/** Timeline geometry constants (px): label column, box size and gap. */
export const TIMELINE = { label: 56, box: 16, gap: 4, pad: 6 } as const;

/** Lays out past moves and (dimmed) future moves; the last past move is `current`. */
export function timelineLayout(
  lanes: readonly string[],
  past: readonly Move[],
  future: readonly Move[],
): TimelineLayout {
  const all = [...past, ...future];
  const ticks = all.some((m) => typeof m !== 'string');
  const ids = ticks ? [...lanes, 'tick'] : [...lanes];
  const pitch = TIMELINE.box + TIMELINE.gap;
  const rows = ids.map((id, i) => ({ id, y: TIMELINE.pad + i * pitch }));
  const boxes = all.map((m, i): TimelineBox => {
    const row = Math.max(0, typeof m === 'string' ? ids.indexOf(m) : ids.length - 1);
    const kind = i < past.length - 1 ? 'past' : i === past.length - 1 ? 'current' : 'future';
    return { step: i + 1, row, x: TIMELINE.label + i * pitch, y: rows[row]!.y, size: TIMELINE.box, kind };
  });
  return {
    width: TIMELINE.label + Math.max(all.length, 1) * pitch + TIMELINE.pad,
    height: TIMELINE.pad * 2 + ids.length * pitch - TIMELINE.gap,
    rows,
    boxes,
  };
}
