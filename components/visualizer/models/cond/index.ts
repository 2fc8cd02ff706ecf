/** sync.Cond (sync/cond.go, runtime/sema.go's notifyList) as the visualizer uses it. */
import { failureOf, lanePos, programs, type ModelDef } from '../define.ts';
import { stepCond, type CondEvent, type CondOp } from './cond.ts';
import { condEnabledEvents } from './labels.ts';
import { NARRATION_EN, type CondKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { condSchema } from './schema.ts';
import { condInfo, condIsDeadlocked, newCondState, type CondState } from './state.ts';
import { condView } from './view.ts';

export const condModel: ModelDef<CondState, CondEvent, CondKey> = {
  info: condInfo,
  step: stepCond,
  enabledEvents: condEnabledEvents,
  isDeadlocked: condIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: condSchema,
  init: (s) => newCondState(programs<CondOp>(s), (s.initial.n as number | undefined) ?? 0),
  view: (ctx, c) => condView(ctx, c, (ctx.scenario.initial.name as string | undefined) ?? 'n'),
  cursor: (c, lane) => {
    const g = c.goroutines.find((x) => x.id === lane.id);
    if (!g) return null;
    const holds = c.L.holder === g.id ? [{ lock: 'mu' }] : [];
    // Every step inside a `for`/`if` Wait is on the Wait line: `<ip>:wait` in the lane's `at`.
    const inWait = g.pc !== 'start' && g.pc !== 'done' && g.program[g.ip]?.kind === 'waitWhileEmpty';
    const pc = inWait ? 'wait' : g.pc;
    if (g.pc === 'parkedCond')
      return lanePos(g.ip, pc, { status: 'blocked', reason: 'sync.Cond.Wait', holds });
    if (g.pc === 'parkedL') return lanePos(g.ip, pc, { status: 'blocked', reason: 'sync.Mutex.Lock', holds });
    return lanePos(g.ip, pc, { holds });
  },
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
};
