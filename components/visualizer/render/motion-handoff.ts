/**
 * Draws a handoff on the stage: an arrow from the goroutine that gives the lock up to the one that
 * gets it, and a lock travelling along it, both in an SVG laid over the stage that is removed when the
 * animation ends. It only illustrates: the narration says the same in words, so it is aria-hidden.
 * N.B. BROWSER CODE.
 */
import { svg } from './dom.ts';

/** The arrow's ends, the centres of the two chips, in the stage's coordinates. */
function ends(stage: HTMLElement, from: DOMRect, to: DOMRect) {
  const box = stage.getBoundingClientRect();
  const x = (r: DOMRect) => r.left + r.width / 2 - box.left;
  const y = (r: DOMRect) => r.top + r.height / 2 - box.top;
  return { x1: x(from), y1: y(from), x2: x(to), y2: y(to) };
}

/** Draws the arrow and moves the lock along it; returns the animations (the overlay goes with them). */
export function drawHandoff(
  stage: HTMLElement,
  from: DOMRect,
  to: DOMRect,
  timing: { duration: number; delay: number },
): Animation[] {
  stage.querySelector('.viz-handoff')?.remove();
  const { x1, y1, x2, y2 } = ends(stage, from, to);
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 4) return [];
  const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
  const line = svg('line', { x1, y1, x2, y2, class: 'viz-handoff-line' });
  const head = svg('polygon', {
    points: '0,0 -10,-5 -10,5',
    class: 'viz-handoff-head',
    transform: `translate(${x2} ${y2}) rotate(${angle})`,
  });
  // A padlock: shackle and body, drawn round (0, 0) and moved by a CSS transform.
  const lock = svg(
    'g',
    { class: 'viz-handoff-lock' },
    svg('path', { d: 'M -4 -1 V -5 A 4 4 0 0 1 4 -5 V -1', class: 'viz-handoff-shackle' }),
    svg('rect', { x: -6, y: -1, width: 12, height: 9, rx: 2 }),
  );
  const overlay = svg('svg', { class: 'viz-handoff', 'aria-hidden': 'true' }, line, head, lock);
  stage.append(overlay);
  const { duration, delay } = timing;
  const draw = line.animate([{ strokeDashoffset: length }, { strokeDashoffset: 0 }], {
    duration,
    delay,
    easing: 'ease-out',
    fill: 'both',
    id: 'viz-handoff',
  });
  line.style.strokeDasharray = String(length);
  const travel = lock.animate(
    [{ transform: `translate(${x1}px, ${y1}px)` }, { transform: `translate(${x2}px, ${y2}px)` }],
    { duration, delay, easing: 'ease-in-out', fill: 'both', id: 'viz-handoff-lock' },
  );
  const arrive = head.animate([{ opacity: 0 }, { opacity: 0, offset: 0.8 }, { opacity: 1 }], {
    duration,
    delay,
    fill: 'both',
    id: 'viz-handoff-head',
  });
  const gone = () => overlay.remove();
  void Promise.all([draw.finished, travel.finished, arrive.finished]).then(gone, gone);
  return [draw, travel, arrive];
}
