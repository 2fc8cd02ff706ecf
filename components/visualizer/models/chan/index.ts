/** Channels (src/runtime/chan.go, select.go) as the visualizer uses them. */
import { t, type Locale } from '../../../i18n/index.ts';
import { failureOf, programs, type ModelDef } from '../define.ts';
import { usageError } from '../types.ts';
import { chanEnabledEvents, chanInfo, chanIsDeadlocked, newChanState, stepChan } from './chan.ts';
import type { ChanDecl, ChanEvent, ChanOp, ChanState } from './chan.ts';
import { chanCursor } from './cursor.ts';
import { NARRATION_EN, type ChanKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { counted } from './predict-input.ts';
import { chanSchema } from './schema.ts';
import { chanView } from './view.ts';

/** Every channel a program names is declared, and a select's order is a permutation of its cases. */
function checkPrograms(chans: ChanDecl[], progs: Record<string, ChanOp[]>): void {
  const names = new Set(chans.map((c) => c.name));
  for (const [g, ops] of Object.entries(progs))
    for (const op of ops) {
      const cases = op.op === 'select' ? op.cases : 'ch' in op ? [op] : [];
      for (const k of cases)
        if (!names.has(k.ch)) throw usageError(`${g}: no channel ${k.ch} in initial.chans`);
      if (op.op === 'select' && op.order && [...op.order].sort().join() !== op.cases.map((_, i) => i).join())
        throw usageError(`${g}: a select's order must list each case index once`);
    }
}

/** The first channel: the one a predict level asks about. */
const first = (s: ChanState) => s.chans[0]!;

/** The goroutines asleep at a deadlock, each as a goroutine dump heads it. */
function asleep(locale: Locale, s: ChanState): string[] {
  const lines = s.goroutines
    .filter((g) => g.pc === 'parked')
    .map((g) => t(locale, 'viz.chan.asleep', { g: g.id, reason: g.reason ?? '' }));
  return [t(locale, 'viz.deadlock'), ...lines];
}

export const chanModel: ModelDef<ChanState, ChanEvent, ChanKey> = {
  info: chanInfo,
  step: stepChan,
  enabledEvents: chanEnabledEvents,
  isDeadlocked: chanIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: chanSchema,
  init: (s) => {
    const chans = s.initial.chans as ChanDecl[];
    const progs = programs<ChanOp>(s);
    checkPrograms(chans, progs);
    return newChanState(chans, progs);
  },
  view: chanView,
  cursor: (state, lane) => chanCursor(state, lane.id),
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: { sendDropped: (state, p) => state.dropped.length >= (p.value ?? 1) },
  predict: {
    qcount: (state) => first(state).qcount,
    recvq: (state) => first(state).recvq.length,
    sendq: (state) => first(state).sendq.length,
  },
  predictInput: { qcount: counted('qcount'), recvq: counted('len(recvq)'), sendq: counted('len(sendq)') },
  deadlockNotes: asleep,
};
