/** The wait-for graph of lock holders and waiters as the visualizer uses it. */
import { heldText } from '../../i18n/held.ts';
import { t, type Locale } from '../../../i18n/index.ts';
import { eventLanePos, lanePos, noFailure, none, type ModelDef } from '../define.ts';
import { NARRATION_EN, type WaitForKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { waitForSchema } from './schema.ts';
import { waitForView } from './view.ts';
import {
  findCycle,
  heldBy,
  newWaitForState,
  stepWaitFor,
  waitingOn,
  waitForInfo,
  type WaitForEvent,
  type WaitForState,
} from './wait-for.ts';

/** The deadlock as the wait-for cycle: which goroutine holds what and waits for which lock. */
function cycleNotes(locale: Locale, wf: WaitForState): string[] {
  const parts = (findCycle(wf) ?? []).map((c) =>
    c.holds.length
      ? t(locale, 'viz.cycle.holds', { g: c.g, held: heldText(locale, c.holds), wants: c.waitsFor })
      : t(locale, 'viz.cycle.waits', { g: c.g, wants: c.waitsFor }),
  );
  return [t(locale, 'viz.deadlock.cycle', { cycle: parts.join(locale === 'zh-cn' ? '；' : '; ') })];
}

export const waitForModel: ModelDef<WaitForState, WaitForEvent, WaitForKey> = {
  info: waitForInfo,
  step: stepWaitFor,
  enabledEvents: none,
  isDeadlocked: (s) => findCycle(s) !== null,
  failure: noFailure,
  drive: 'events',
  schema: waitForSchema,
  init: (s) => newWaitForState(s.initial.locks as string[]),
  view: waitForView,
  cursor: (wf, lane, n) => {
    const w = waitingOn(wf, lane.id);
    const holds = heldBy(wf, lane.id);
    // The lock call already ran (count advanced); while it waits, keep the marker on that call.
    if (w)
      return lanePos(n - 1, 'start', {
        status: 'blocked',
        reason: w.mode === 'read' ? 'sync.RWMutex.RLock' : 'sync.Mutex.Lock',
        holds,
      });
    return eventLanePos(lane, n, { holds });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  isWaiting: (wf, g) => waitingOn(wf, g) !== null,
  deadlockNotes: cycleNotes,
  eventText: (_locale, e) => {
    const read = e.mode === 'read';
    const verb = e.type === 'lock' ? (read ? 'RLock' : 'Lock') : read ? 'RUnlock' : 'Unlock';
    return `${e.lock}.${verb}()`;
  },
};
