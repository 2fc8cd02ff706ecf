/**
 * Reads what can move off the rendered stage: the facts motion-plan.ts needs (queues head first, state
 * words) and where each goroutine chip is on screen, in a lane or in a queue, so a step can be drawn
 * as a move from where things were to where they are. N.B. BROWSER CODE.
 */
import type { MotionFacts } from './motion-plan.ts';

/** The stage as it was before a step: its facts and the chips' rectangles by place. */
export interface Snapshot {
  facts: MotionFacts;
  rects: Map<string, DOMRect>;
}

/** The key of a chip's rectangle: `lane|G2`, or `q:m.sema|G2` for its slot in a queue. */
export const placeKey = (place: string, g: string): string => `${place}|${g}`;

const goroutineOf = (el: Element): string => (el as HTMLElement).dataset.key?.slice(2) ?? '';

/** Queues and words as the stage shows them. */
export function readFacts(stage: HTMLElement): MotionFacts {
  const queues: Record<string, string[]> = {};
  for (const box of stage.querySelectorAll<HTMLElement>('[data-queue]'))
    queues[box.dataset.queue!] = [...box.querySelectorAll('[data-key^="g:"]')].map(goroutineOf);
  const words: Record<string, number> = {};
  for (const w of stage.querySelectorAll<HTMLElement>('[data-word]'))
    words[w.dataset.word!] = Number(w.dataset.value);
  return { queues, words };
}

/** The facts and every chip's rectangle (lanes and queue slots). */
export function takeSnapshot(stage: HTMLElement): Snapshot {
  const rects = new Map<string, DOMRect>();
  for (const chip of stage.querySelectorAll('.viz-lanes [data-key^="g:"]'))
    rects.set(placeKey('lane', goroutineOf(chip)), chip.getBoundingClientRect());
  for (const box of stage.querySelectorAll<HTMLElement>('[data-queue]'))
    for (const slot of box.querySelectorAll('[data-key^="g:"]'))
      rects.set(placeKey(`q:${box.dataset.queue!}`, goroutineOf(slot)), slot.getBoundingClientRect());
  return { facts: readFacts(stage), rects };
}

/** A goroutine's chip in its lane, or its slot in a queue, on the stage as it is now. */
export function chipAt(stage: HTMLElement, place: string, g: string): HTMLElement | null {
  const key = `[data-key="g:${CSS.escape(g)}"]`;
  const scope = place === 'lane' ? '.viz-lanes' : `[data-queue="${CSS.escape(place.slice(2))}"]`;
  return stage.querySelector<HTMLElement>(`${scope} ${key}`);
}
