/** False sharing on cache lines (MESI) as the visualizer uses it. */
import { never, noFailure, none, type ModelDef } from '../define.ts';
import {
  falseSharingInfo,
  newFalseSharingState,
  stepFalseSharing,
  type FalseSharingEvent,
  type FalseSharingState,
  type Variable,
} from './false-sharing.ts';
import { NARRATION_EN, type FalseSharingKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { falseSharingSchema } from './schema.ts';
import { falseSharingView } from './view.ts';

export const falseSharingModel: ModelDef<FalseSharingState, FalseSharingEvent, FalseSharingKey> = {
  info: falseSharingInfo,
  step: stepFalseSharing,
  enabledEvents: none,
  isDeadlocked: never,
  failure: noFailure,
  drive: 'events',
  schema: falseSharingSchema,
  init: (s) =>
    newFalseSharingState(s.initial.vars as Variable[], {
      cores: s.initial.cores as number | undefined,
      lineSize: s.initial.lineSize as number | undefined,
    }),
  view: falseSharingView,
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: { transfersAtLeast: (f, p) => f.counters.transfers >= (p.value ?? 1) },
  eventText: (locale, e) =>
    locale === 'zh-cn'
      ? `核心 ${e.core} ${e.type === 'write' ? '写' : '读'} ${e.variable}`
      : `core ${e.core} ${e.type === 'write' ? 'writes' : 'reads'} ${e.variable}`,
};
