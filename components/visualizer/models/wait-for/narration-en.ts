/**
 * English narration of the wait-for model: one template per narration key. Its keys are the model's
 * key union (WaitForKey); narration-zh.ts must have exactly the same keys.
 */
import { s, type P, type Template } from '../../i18n/format.ts';

const lockLabel = (lock: string, mode: unknown): string => (mode === 'read' ? `${lock} (read)` : lock);
const lockOf = (p: P): string => lockLabel(s(p.lock), p.mode);

/** describeCycle's params back to `G1 holds A and waits for B; G2 …`. */
function cycle(p: P): string {
  const holds = s(p.holds).split(';');
  const holdModes = s(p.holdModes).split(';');
  const wants = s(p.waitsFor).split(',');
  const modes = s(p.modes).split(',');
  return s(p.goroutines)
    .split(',')
    .map((g, i) => {
      const hm = (holdModes[i] ?? '').split(',');
      const list = (holds[i] ?? '').split(',').map((lock, j) => lockLabel(lock, hm[j]));
      const held = holds[i] ? `holds ${list.join(', ')} and ` : '';
      return `${g} ${held}waits for ${lockLabel(wants[i] ?? '', modes[i])}`;
    })
    .join('; ');
}

/** Templates by narration key. */
export const NARRATION_EN = {
  'waitfor.acquire': (p) => `${s(p.g)} acquires ${lockOf(p)}.`,
  'waitfor.wait': (p) => `${s(p.g)} waits for ${lockOf(p)}.`,
  'waitfor.release': (p) => `${s(p.g)} releases ${lockOf(p)}.`,
  'waitfor.cycle': cycle,
} satisfies Record<string, Template>;

/** A narration key of the wait-for model. */
export type WaitForKey = keyof typeof NARRATION_EN;
