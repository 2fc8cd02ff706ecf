/** sync.WaitGroup (sync/waitgroup.go) as the visualizer uses it. */
import { failureOf, lanePos, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type WaitGroupKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { waitGroupSchema } from './schema.ts';
import { waitGroupView } from './view.ts';
import {
  newWaitGroupState,
  stepWaitGroup,
  waitGroupEnabledEvents,
  waitGroupInfo,
  waitGroupIsDeadlocked,
  type WaitGroupEvent,
  type WaitGroupOp,
  type WaitGroupState,
} from './waitgroup.ts';

export const waitGroupModel: ModelDef<WaitGroupState, WaitGroupEvent, WaitGroupKey> = {
  info: waitGroupInfo,
  step: stepWaitGroup,
  enabledEvents: waitGroupEnabledEvents,
  isDeadlocked: waitGroupIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: waitGroupSchema,
  init: (s) => newWaitGroupState(programs<WaitGroupOp>(s), (s.initial.counter as number | undefined) ?? 0),
  view: waitGroupView,
  cursor: (w, lane) => {
    const g = w.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    if (g.pc === 'parked') return lanePos(g.ip, g.pc, { status: 'blocked', reason: 'sync.WaitGroup.Wait' });
    return lanePos(g.ip, g.pc);
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predict: { counter: (w) => w.counter, waiters: (w) => w.waiters },
};
