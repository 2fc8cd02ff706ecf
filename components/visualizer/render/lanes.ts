/**
 * Goroutine lanes: each goroutine's code with a ▶ marker and aria-current on the next line, its
 * status in words (runnable, waiting [reason], finished), what it holds, and its "run" button.
 * N.B. BROWSER CODE.
 */
import type { LaneCursor } from '../engine/cursor.ts';
import type { EnabledMove } from '../engine/run.ts';
import type { Move } from '../engine/types.ts';
import { heldText } from '../i18n/held.ts';
import type { RenderCtx } from './context.ts';
import { h } from './dom.ts';
import { lockSlowView } from './lane-locals.ts';

const SYMBOL = { ready: '▷', blocked: '❚❚', done: '✓', failed: '✗', stopped: '■' } as const;
const STATUS_KEY = {
  ready: 'viz.lane.ready',
  done: 'viz.lane.done',
  failed: 'viz.lane.failed',
  stopped: 'viz.lane.stopped',
} as const;

/** Everything a lane needs besides the context. */
export interface LaneInput {
  cursors: Record<string, LaneCursor>;
  enabled: EnabledMove[];
  label: (m: EnabledMove) => string;
  pick: (m: Move) => void;
  /** The goroutine that made the last move (outlined, so the eye finds what changed). */
  last: string | null;
}

function statusText(ctx: RenderCtx, c: LaneCursor): string {
  const parts = [
    c.status === 'blocked'
      ? ctx.t('viz.lane.blocked', { reason: c.reason ?? '' })
      : ctx.t(STATUS_KEY[c.status]),
  ];
  if (c.holds.length) parts.push(ctx.t('viz.lane.holds', { locks: heldText(ctx.locale, c.holds) }));
  if (c.register !== null) parts.push(ctx.t('viz.lane.register', { value: c.register }));
  if (c.runsAfter !== null) parts.push(ctx.t('viz.lane.runsFirst', { g: c.runsAfter }));
  return parts.join(' · ');
}

/** All lanes, in scenario order; lane n answers to the number key n. */
export function lanesView(ctx: RenderCtx, input: LaneInput): HTMLElement {
  return h(
    'div',
    { class: 'viz-lanes', role: 'list', 'aria-label': ctx.t('viz.goroutines') },
    ctx.scenario.goroutines.map((lane, i) => {
      const c = input.cursors[lane.id]!;
      const move = input.enabled.find((m) => m.goroutine === lane.id);
      const titleId = `viz-${ctx.scenario.id}-lane-${lane.id}`;
      return h(
        'div',
        {
          class: 'viz-lane',
          role: 'listitem',
          'data-status': c.status,
          'data-lane': lane.id,
          'data-last': input.last === lane.id,
          'aria-labelledby': titleId,
        },
        h(
          'p',
          { class: 'viz-lane-title', id: titleId },
          h('span', { class: 'viz-lane-key', 'aria-hidden': 'true' }, String(i + 1)),
          // The goroutine's chip: motion.ts moves it between this lane and a semaphore queue.
          h('strong', { class: 'viz-chip', 'data-key': `g:${lane.id}` }, lane.id),
          lane.label ? h('span', { class: 'viz-lane-label' }, lane.label) : null,
        ),
        h(
          'p',
          { class: 'viz-lane-status' },
          h('span', { 'aria-hidden': 'true' }, `${SYMBOL[c.status]} `),
          statusText(ctx, c),
        ),
        c.lockSlow ? lockSlowView(ctx, lane.id, c.lockSlow) : null,
        h(
          'ol',
          { class: 'viz-code', 'aria-label': ctx.t('viz.lane.code', { g: lane.id }) },
          lane.code.map((line, n) =>
            h(
              'li',
              { class: n === c.line ? 'is-current' : null, 'aria-current': n === c.line ? 'step' : null },
              h('span', { class: 'viz-pc', 'aria-hidden': 'true' }, n === c.line ? '▶' : ''),
              h('code', {}, line || ' '),
            ),
          ),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'viz-button viz-run',
            'data-focus': `run-${lane.id}`,
            'aria-keyshortcuts': i < 9 ? String(i + 1) : null,
            disabled: !move,
            onclick: () => move && input.pick(move.move),
          },
          move
            ? ctx.t('viz.lane.stepButton', { label: input.label(move) })
            : `${lane.id}: ${ctx.t('viz.lane.cannot')}`,
        ),
      );
    }),
  );
}
