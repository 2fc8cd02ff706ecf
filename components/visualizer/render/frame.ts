/**
 * Fills the visualizer's slots for the current run: lanes, state, timeline, log, toolbar state,
 * the off-script note and the narration sentence for the live region. N.B. BROWSER CODE.
 */
import { laneCursors } from '../engine/cursor.ts';
import { enabledMoves, type Run } from '../engine/run.ts';
import type { Session } from '../engine/session.ts';
import { driverOf } from '../engine/setup.ts';
import type { Move } from '../engine/types.ts';
import { moveLabel, narrationText } from '../i18n/narrate.ts';
import type { Locale } from '../../i18n/index.ts';
import type { RenderCtx } from './context.ts';
import { lanesView } from './lanes.ts';
import { animateStep, settle } from './motion.ts';
import { takeSnapshot, type Snapshot } from './motion-snapshot.ts';
import { logView } from './panels.ts';
import type { Slots } from './skeleton.ts';
import { stateView } from './state-view.ts';
import { timelineView } from './timeline.ts';

/** What the frame needs besides the context. */
export interface FrameInput {
  session: Session;
  onScript: boolean;
  pick: (m: Move) => void;
  /** Overrides the narration (Back, Reset); null = the last step's narration. */
  message: string | null;
  /** Sentences appended to the narration (deadlock explanation, level outcome). */
  notes: string[];
  /** Scales the step's animations: 1 at the normal Play speed, more when slow, less when fast. */
  pace?: number;
}

/** The run each stage shows, to tell one step forward (animated) from a jump (Back, Reset, a link). */
const shown = new WeakMap<HTMLElement, Run>();

/**
 * Whether `run` is `prev` plus one move. applyMove keeps the earlier step records and a replay makes
 * new ones, so the records' identity says whether the learner stepped forward or jumped.
 */
function oneStepOn(prev: Run | undefined, run: Run): boolean {
  if (!prev || run.steps.length !== prev.steps.length + 1) return false;
  return prev.steps.every((st, i) => st === run.steps[i]);
}

/** Joins sentences, ending each with a full stop if the model's text (e.g. a Go error line) has none. */
export function sentences(locale: Locale, parts: string[]): string {
  const stop = locale === 'zh-cn' ? '。' : '.';
  return parts.map((p, i) => (i < parts.length - 1 && !/[.!?。！？]$/.test(p) ? `${p}${stop}` : p)).join(' ');
}

/**
 * Renders every slot for `ctx.run`; a step forward is then animated (motion.ts). Resolves when its
 * animations have finished, at once when there are none.
 */
export function renderFrame(slots: Slots, ctx: RenderCtx, x: FrameInput): Promise<void> {
  const { scenario: s, run, t } = ctx;
  settle(slots.stage); // a step taken mid-animation: finish the last one before measuring
  const before: Snapshot | null = oneStepOn(shown.get(slots.stage), run) ? takeSnapshot(slots.stage) : null;
  shown.set(slots.stage, run);
  const failure = driverOf(s.model).failure(run.state);
  const last = run.steps[run.steps.length - 1];
  slots.lanes.replaceChildren(
    lanesView(ctx, {
      cursors: laneCursors(s, run, failure?.goroutine ?? null),
      enabled: enabledMoves(s, run),
      label: (m) => moveLabel(ctx.locale, s, m),
      pick: x.pick,
      last: last?.goroutine ?? null,
    }),
  );
  slots.state.replaceChildren(...stateView(ctx));
  slots.timeline.replaceChildren(timelineView(ctx, x.session.history, x.session.future));
  slots.log.replaceChildren(logView(ctx, x.session.future.length));
  const step = x.session.history.length;
  const total = step + x.session.future.length;
  const counted = total > step || (s.script.length > 0 && x.onScript);
  slots.bar.position.textContent = counted
    ? t('viz.position', { step, total })
    : t('viz.position.free', { step });
  slots.bar.back.disabled = step === 0;
  slots.bar.forward.disabled = x.session.future.length === 0;
  const offScript = s.script.length > 0 && !s.level && x.session.future.length === 0 && !x.onScript;
  slots.note.hidden = !offScript;
  slots.note.textContent = offScript ? t('viz.offScript') : '';
  const said =
    x.message ??
    (last
      ? t('viz.narration.step', {
          step,
          text: last.narration.map((n) => narrationText(ctx.locale, n)).join(' '),
        })
      : t('viz.narration.start'));
  slots.narration.textContent = sentences(ctx.locale, [said, ...x.notes]);
  return before && last ? animateStep(slots.stage, before, last.narration, x.pace ?? 1) : Promise.resolve();
}
