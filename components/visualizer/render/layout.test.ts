import { describe, expect, test } from 'vitest';
import { binary, hex, mutexBitCells, timelineLayout, TIMELINE, wordFromBits } from './layout.ts';

describe('renderer layout', () => {
  test('state word 13 = locked | starving | one waiter, bits most significant first', () => {
    const cells = mutexBitCells(13);
    expect(cells.map((c) => c.bit)).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    expect(cells.map((c) => c.value).join('')).toBe('00001101');
    expect(cells.find((c) => c.bit === 2)).toMatchObject({ role: 'starving', value: 1 });
    expect(cells.find((c) => c.bit === 3)).toMatchObject({ role: 'waiters', weight: 1 });
    expect(cells.find((c) => c.bit === 5)).toMatchObject({ role: 'waiters', weight: 4 });
  });

  test("a learner's bit toggles (index 0 = bit 0) make the word whose cells they are", () => {
    expect(wordFromBits([])).toBe(0);
    expect(wordFromBits([true, false, true, true])).toBe(13);
    const bits = mutexBitCells(13).map((c) => c.value === 1);
    expect(wordFromBits(bits.reverse())).toBe(13);
  });

  test('hex and binary of int32 values, including negative readerCount', () => {
    expect(hex(13)).toBe('0x0d');
    expect(hex(-1073741822, 8)).toBe('0xc0000002');
    expect(binary(13)).toBe('0000 1101');
  });

  test('timeline: one row per lane, a clock row only when ticks exist, current = last past move', () => {
    const t = timelineLayout(['G1', 'G2'], ['G1', 'G2', { tick: 5 }], ['G1']);
    expect(t.rows.map((r) => r.id)).toEqual(['G1', 'G2', 'tick']);
    expect(t.boxes.map((b) => [b.step, b.row, b.kind])).toEqual([
      [1, 0, 'past'],
      [2, 1, 'past'],
      [3, 2, 'current'],
      [4, 0, 'future'],
    ]);
    expect(t.boxes[1]!.x - t.boxes[0]!.x).toBe(TIMELINE.box + TIMELINE.gap);
    expect(timelineLayout(['G1'], [], []).rows).toHaveLength(1);
  });
});
