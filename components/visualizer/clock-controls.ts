/**
 * The learner's time and CPU controls for scenarios that offer them: "+1 ms" / "+500 µs (one tick)"
 * buttons (a tick is a move: history, undo, share link and par count it; engine/clock.ts says when one
 * is offered), and the spin environment (GOMAXPROCS, other Ps idle) chosen before the run, with what
 * runtime_canSpin decides for it in words. Changing the environment restarts the run.
 * N.B. BROWSER CODE.
 */
import { durationParts, elapsed, tickSizes, timeLeft } from './engine/clock.ts';
import { enabledMoves, type Run } from './engine/run.ts';
import { spinChoices, type SpinChoice } from './engine/spin.ts';
import type { Move, Scenario } from './engine/types.ts';
import { canSpinVerdict } from './models/mutex/spin-why.ts';
import type { SpinEnv } from './models/mutex/state.ts';
import { h } from './render/dom.ts';
import type { VizKey } from '../i18n/index.ts';

type T = (key: VizKey, params?: Record<string, string | number>) => string;

/** What the controls ask of the element. */
export interface ClockHooks {
  t: T;
  /** Make a tick move. */
  tick: (move: Move) => void;
  /** Restart the run in another spin environment. */
  setSpin: (c: SpinChoice) => void;
}

/** A duration in the page's words: `1 ms`, `250 µs`, `1,500 ns`. */
export function durationText(t: T, ns: number): string {
  const { unit, n } = durationParts(ns);
  return t(`viz.unit.${unit}`, { n: n.toLocaleString('en-US') });
}

/** What a spin choice means, for the narration when the run restarts with it. */
export function spinText(t: T, c: SpinChoice): string {
  const others = c.gomaxprocs <= 1 ? 'viz.spin.oneP' : c.idle ? 'viz.spin.othersIdle' : 'viz.spin.othersBusy';
  return t('viz.spin.changed', { procs: c.gomaxprocs, others: t(others) });
}

/** The controls; `el` is null when the scenario offers neither ticks nor spin choices. */
export class ClockControls {
  readonly el: HTMLElement | null;
  private readonly ticks: { ns: number; button: HTMLButtonElement }[] = [];
  private readonly readout = h('p', { class: 'viz-clock-now' });
  private readonly why = h('p', { class: 'viz-note' });
  private readonly verdict = h('p', { class: 'viz-spin-verdict', 'aria-live': 'polite' });
  private readonly procs: HTMLSelectElement | null = null;
  private readonly idle: HTMLInputElement | null = null;
  private readonly hooks: ClockHooks;

  constructor(s: Scenario, hooks: ClockHooks) {
    this.hooks = hooks;
    const t = hooks.t;
    const parts: HTMLElement[] = [];
    if (s.spin) {
      const offered = [...new Set(spinChoices(s).map((c) => c.gomaxprocs))];
      this.procs = h(
        'select',
        { class: 'viz-select', 'data-focus': 'gomaxprocs', onchange: () => this.changed() },
        offered.map((n) => h('option', { value: n }, String(n))),
      );
      this.idle = s.spin.idle
        ? h('input', { type: 'checkbox', 'data-focus': 'idle', onchange: () => this.changed() })
        : null;
      parts.push(
        h(
          'fieldset',
          { class: 'viz-spin' },
          h('legend', { class: 'viz-section-title' }, t('viz.spin.title')),
          h(
            'div',
            { class: 'viz-hint-row' },
            h('label', {}, t('viz.spin.procs'), ' ', this.procs),
            this.idle ? h('label', {}, this.idle, ' ', t('viz.spin.idle')) : null,
          ),
          h('p', { class: 'viz-note' }, t('viz.spin.restart')),
          this.verdict,
          h('p', { class: 'viz-note' }, t('viz.spin.source')),
        ),
      );
    }
    if (s.clock) {
      const titleId = `viz-${s.id}-clock`;
      for (const ns of s.clock.ticks) {
        const amount = durationText(t, ns);
        const button = h(
          'button',
          {
            type: 'button',
            class: 'viz-button',
            'data-focus': `tick-${ns}`,
            onclick: () => this.hooks.tick({ tick: ns }),
          },
          t(ns === 1_000_000 ? 'viz.clock.plus' : 'viz.clock.plusTick', { amount }),
        );
        this.ticks.push({ ns, button });
      }
      parts.push(
        h(
          'div',
          { class: 'viz-ticks', role: 'group', 'aria-labelledby': titleId },
          h('p', { class: 'viz-section-title', id: titleId }, t('viz.clock.title')),
          h(
            'div',
            { class: 'viz-hint-row' },
            this.ticks.map((x) => x.button),
          ),
          this.readout,
          this.why,
          h('p', { class: 'viz-note' }, t('viz.clock.why')),
        ),
      );
    }
    this.el = parts.length
      ? h('div', { class: 'viz-clock', role: 'group', 'aria-label': t('viz.clock.group') }, parts)
      : null;
  }

  /** Shows the run's clock and spin environment; enables the ticks offered now. */
  update(s: Scenario, run: Run, spin: SpinChoice | null): void {
    const t = this.hooks.t;
    if (this.procs && spin) this.procs.value = String(spin.gomaxprocs);
    if (this.idle && spin) {
      this.idle.checked = spin.idle;
      this.idle.disabled = spin.gomaxprocs <= 1; // with one P there is no other P to idle
    }
    const env = (run.state as { spinEnv?: SpinEnv }).spinEnv;
    if (this.procs && env) {
      const params = {
        cpus: env.numCPUStartup,
        procs: env.gomaxprocs,
        idle: env.npidle,
        spinning: env.nmspinning,
      };
      this.verdict.textContent = t(`viz.spin.${canSpinVerdict(env)}`, params);
    }
    if (!s.clock) return;
    const canMove = enabledMoves(s, run).some((m) => m.goroutine !== null);
    const offered = tickSizes(s, run.state, canMove);
    for (const x of this.ticks) x.button.disabled = !offered.includes(x.ns);
    const left = timeLeft(s, run.state);
    this.readout.textContent = t('viz.clock.now', {
      now: ((run.state as { now?: number }).now ?? 0).toLocaleString('en-US'),
      elapsed: durationText(t, elapsed(s, run.state)),
      left: durationText(t, left),
      limit: durationText(t, s.clock.limit),
    });
    const idleWhy = !canMove
      ? 'viz.clock.stuck'
      : offered.length
        ? null
        : left < Math.min(...s.clock.ticks)
          ? 'viz.clock.spent'
          : 'viz.clock.nobody';
    this.why.textContent = idleWhy ? t(idleWhy) : '';
    this.why.hidden = !idleWhy;
  }

  /** The select or the checkbox changed: restart in the chosen environment. */
  private changed(): void {
    if (!this.procs) return;
    const gomaxprocs = Number(this.procs.value);
    this.hooks.setSpin({ gomaxprocs, idle: gomaxprocs > 1 && Boolean(this.idle?.checked) });
  }
}
