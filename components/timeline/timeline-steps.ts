/**
 * The timeline's step mode: replays the run event by event (each span's start, each wake) with the
 * visualizer's own toolbar and keys (components/visualizer/controls.ts: Reset, Back, Step,
 * Play/Pause, speed; ←/→, Space, R, 1–9), saying each step in an aria-live region.
 * N.B. BROWSER CODE.
 */
import { t, type Locale } from '../i18n/index.ts';
import { buildToolbar, handleKey, SPEEDS, type ControlActions, type Speed } from '../visualizer/controls.ts';
import { h } from '../visualizer/render/dom.ts';
import type { TimelineModel } from './model.ts';
import { steps, type Step } from './sentences.ts';
import { say } from './words.ts';

export interface StepMode {
  el: HTMLElement;
  /** Stops playing (the panel is hidden or closed). */
  pause: () => void;
}

/** Builds the step mode; show(step) is told of every move (null: back before the first event). */
export function buildStepMode(
  model: TimelineModel,
  locale: Locale,
  show: (step: Step | null) => void,
): StepMode {
  const sequence = steps(model);
  let at = -1;
  let timer = 0;
  let speed: Speed = 'normal';
  const narration = h('p', { class: 'tl-step-say', 'aria-live': 'polite', role: 'status' });

  const go = (next: number, tell = true) => {
    at = Math.max(-1, Math.min(sequence.length - 1, next));
    const step = sequence[at] ?? null;
    if (tell) show(step);
    const where = t(locale, 'tl.step.position', { n: at + 1, total: sequence.length });
    bar.position.textContent = where;
    narration.textContent = step
      ? say(locale, step.say)
      : t(locale, 'tl.step.position', { n: 0, total: sequence.length });
    if (at === sequence.length - 1) narration.textContent += ` ${t(locale, 'tl.step.end')}`;
    sync();
  };
  const pause = () => {
    if (timer) window.clearInterval(timer);
    timer = 0;
    sync();
  };
  const play = () => {
    if (at >= sequence.length - 1) return;
    timer = window.setInterval(() => {
      go(at + 1);
      if (at >= sequence.length - 1) pause();
    }, SPEEDS[speed]);
    sync();
  };
  const actions: ControlActions = {
    reset: () => {
      pause();
      go(-1);
    },
    back: () => {
      pause();
      go(at - 1);
    },
    forward: () => go(at + 1),
    togglePlay: () => (timer ? pause() : play()),
    setSpeed: (s) => {
      speed = s;
      if (timer) {
        pause();
        play();
      }
    },
    share: () => undefined,
    // 1–9 jump to the next event of that lane's goroutine, as they pick a goroutine in the visualizer.
    pickIndex: (n) => {
      const g = model.lanes[n]?.g;
      const next = sequence.findIndex((s, i) => i > at && model.spans[s.span]!.g === g);
      if (next >= 0) go(next);
    },
  };
  const bar = buildToolbar((k) => t(locale, k), actions, false);
  // A timeline of the learner's own run has no link to share: the toolbar's Share is left out.
  bar.el.querySelector('[data-focus="share"]')?.remove();
  const sync = () => {
    bar.back.disabled = at < 0;
    bar.forward.disabled = at >= sequence.length - 1;
    bar.play.lastChild!.textContent = t(locale, timer ? 'viz.pause' : 'viz.play');
    bar.play.firstChild!.textContent = timer ? '❚❚ ' : '► ';
    bar.play.setAttribute('aria-pressed', String(Boolean(timer)));
    bar.play.disabled = !timer && at >= sequence.length - 1;
  };
  const el = h('div', { class: 'tl-steps' }, bar.el, narration);
  el.addEventListener('keydown', (e) => {
    if (handleKey(e, actions)) e.preventDefault();
  });
  // Before the first event; the panel is told of moves only, not of being built.
  go(-1, false);
  return { el, pause };
}
