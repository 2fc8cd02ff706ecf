/**
 * Plays one step's intents (motion-plan.ts) on the freshly rendered stage with the Web Animations API:
 * moves are FLIP (the chip is drawn where it was before the step, then slides to where it is now), a
 * failed CAS shakes the word, changed bits flip one after another, a handoff draws the lock passing
 * (motion-handoff.ts). Nothing here changes what the DOM says: with `prefers-reduced-motion: reduce`
 * (read at every step, so a change of the setting applies at once) no animation is made and the stage
 * is already in its final state. Every animation has an id `viz-…` (tests and the Play loop find them).
 * N.B. BROWSER CODE.
 */
import type { Narration } from '../models/types.ts';
import { drawHandoff } from './motion-handoff.ts';
import { planMotion, type Intent } from './motion-plan.ts';
import { chipAt, placeKey, readFacts, type Snapshot } from './motion-snapshot.ts';

/** Base durations in ms at the normal pace; `pace` scales them (slow > 1 > fast). */
export const DURATION = { move: 520, flip: 280, stagger: 150, shake: 420, handoff: 640 } as const;

/** Animations still running per stage, so the next step can finish them before it measures. */
const running = new WeakMap<HTMLElement, { animations: Animation[]; cleanups: (() => void)[] }>();

/** Stages with animations running, so asking for less motion mid-step can end them all at once. */
const moving = new Set<HTMLElement>();
const REDUCE = '(prefers-reduced-motion: reduce)';
let watching = false;

/** Whether motion is wanted now: the platform can animate and the reader has not asked for less motion. */
export function motionAllowed(): boolean {
  return typeof Element.prototype.animate === 'function' && !window.matchMedia(REDUCE).matches;
}

/** Ends every running step's motion as soon as the reader asks for less motion (the setting is live). */
function watchReduce(): void {
  if (watching) return;
  watching = true;
  window.matchMedia(REDUCE).addEventListener('change', (e) => {
    if (e.matches) for (const stage of [...moving]) settle(stage);
  });
}

/** Jumps every running animation of the stage to its end (the DOM is already final) and tidies up. */
export function settle(stage: HTMLElement): void {
  const r = running.get(stage);
  moving.delete(stage);
  if (!r) return;
  running.delete(stage);
  for (const a of r.animations) a.finish();
  for (const c of r.cleanups) c();
}

const visible = (r: DOMRect | undefined): r is DOMRect => !!r && r.width > 0 && r.height > 0;

/** Marks `el` with a class while `a` runs; afterwards the element is exactly as the renderer made it. */
function markWhile(el: Element, cls: string, a: Animation): void {
  const had = el.hasAttribute('class');
  el.classList.add(cls);
  const off = () => {
    el.classList.remove(cls);
    if (!had && !el.classList.length) el.removeAttribute('class');
  };
  void a.finished.then(off, off);
}

/** A FLIP move: `el` is drawn at `from` (before the step) and slides to where the layout put it. */
function slide(
  el: HTMLElement | null,
  from: DOMRect | undefined,
  id: string,
  opts: KeyframeAnimationOptions,
) {
  const to = el?.getBoundingClientRect();
  if (!el || !visible(from) || !visible(to)) return null;
  const dx = from.left + from.width / 2 - (to.left + to.width / 2);
  const dy = from.top + from.height / 2 - (to.top + to.height / 2);
  if (Math.abs(dx) < 1 && Math.abs(dy) < 1) return null;
  const a = el.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], {
    ...opts,
    id,
    easing: 'cubic-bezier(0.3, 0.7, 0.2, 1)',
    fill: 'backwards',
  });
  markWhile(el, 'viz-moving', a);
  return a;
}

/** How long phase 0 (the step's own act) takes before phase 1 (parking, waking) starts. */
function phaseZeroMs(intents: Intent[], pace: number): number {
  const ms = intents.map((i) =>
    i.kind === 'shake'
      ? DURATION.shake
      : i.kind === 'handoff'
        ? DURATION.handoff
        : i.kind === 'flip'
          ? DURATION.flip + Math.max(0, Math.min(i.bits.length, 8) - 1) * DURATION.stagger
          : 0,
  );
  return Math.max(0, ...ms) * pace;
}

/** Creates the animations of one intent. */
function play(stage: HTMLElement, before: Snapshot, i: Intent, pace: number, delay: number): Animation[] {
  const move: KeyframeAnimationOptions = { duration: DURATION.move * pace, delay };
  switch (i.kind) {
    case 'enter': {
      const a = slide(
        chipAt(stage, `q:${i.queue}`, i.g),
        before.rects.get(placeKey('lane', i.g)),
        'viz-enter',
        move,
      );
      return a ? [a] : [];
    }
    case 'leave': {
      const from = before.rects.get(placeKey(`q:${i.queue}`, i.g));
      const a = slide(chipAt(stage, 'lane', i.g), from, 'viz-leave', move);
      return a ? [a] : [];
    }
    case 'shift': {
      const place = `q:${i.queue}`;
      const a = slide(chipAt(stage, place, i.g), before.rects.get(placeKey(place, i.g)), 'viz-shift', move);
      return a ? [a] : [];
    }
    case 'shake': {
      const row = stage.querySelector<HTMLElement>(`[data-key="word:${CSS.escape(i.word)}"]`);
      if (!row) return [];
      const x = [0, -7, 7, -5, 5, -2, 0].map((px) => ({ transform: `translateX(${px}px)` }));
      const a = row.animate(x, { duration: DURATION.shake * pace, delay, id: 'viz-shake' });
      markWhile(row, 'viz-cas-failed', a);
      return [a];
    }
    case 'flip':
      return i.bits.flatMap((bit, n) => {
        const cell = stage.querySelector<HTMLElement>(`[data-key="bit:${CSS.escape(i.word)}:${bit}"]`);
        if (!cell) return []; // the view shows the low bits only
        const turn = [{ transform: 'perspective(20rem) rotateX(90deg)' }, { transform: 'none' }];
        const at = delay + n * DURATION.stagger * pace;
        return [
          cell.animate(turn, {
            duration: DURATION.flip * pace,
            delay: at,
            fill: 'backwards',
            id: 'viz-flip',
          }),
        ];
      });
    case 'handoff': {
      const from = chipAt(stage, 'lane', i.from)?.getBoundingClientRect();
      const waiting = [...before.rects.entries()].find(([k]) => k.startsWith('q:') && k.endsWith(`|${i.to}`));
      const to = waiting?.[1] ?? chipAt(stage, 'lane', i.to)?.getBoundingClientRect();
      if (!visible(from) || !visible(to)) return [];
      const drawn = drawHandoff(stage, from, to, { duration: DURATION.handoff * pace, delay });
      return drawn;
    }
  }
}

/**
 * Animates the step from `before` to the stage as rendered now, given what the step said. Resolves
 * when every animation has finished (at once when there are none, or motion is reduced).
 */
export function animateStep(
  stage: HTMLElement,
  before: Snapshot,
  said: readonly Narration[],
  pace: number,
): Promise<void> {
  if (!motionAllowed()) return Promise.resolve();
  watchReduce();
  const intents = planMotion(before.facts, readFacts(stage), said);
  const gap = phaseZeroMs(intents, pace);
  const animations = intents.flatMap((i) => play(stage, before, i, pace, i.phase === 0 ? 0 : gap));
  if (!animations.length) return Promise.resolve();
  running.set(stage, { animations, cleanups: [() => stage.querySelector('.viz-handoff')?.remove()] });
  moving.add(stage);
  return Promise.all(animations.map((a) => a.finished.catch(() => a))).then(() => {
    if (running.get(stage)?.animations !== animations) return;
    running.delete(stage);
    moving.delete(stage);
  });
}
