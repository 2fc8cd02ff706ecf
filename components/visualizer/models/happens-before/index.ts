/** Happens-before with vector clocks (the race detector's view) as the visualizer uses it. */
import type { Locale } from '../../../i18n/index.ts';
import { never, noFailure, none, type ModelDef } from '../define.ts';
import {
  happensBeforeInfo,
  hasDataRace,
  newHappensBeforeState,
  stepHappensBefore,
  type HappensBeforeEvent,
  type HappensBeforeState,
} from './happens-before.ts';
import { NARRATION_EN, type HappensBeforeKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import { happensBeforeSchema } from './schema.ts';
import { happensBeforeView } from './view.ts';

function eventText(locale: Locale, e: HappensBeforeEvent): string {
  switch (e.type) {
    case 'lock':
    case 'unlock':
      return `${e.mutex}.${e.type === 'lock' ? 'Lock' : 'Unlock'}()`;
    case 'write':
      return `${e.variable} = ${e.value ?? '…'}`;
    case 'read':
      return locale === 'zh-cn' ? `读取 ${e.variable}` : `read ${e.variable}`;
    case 'go':
      return `go ${e.child}`;
    case 'send':
      return `${e.ch} <- v`;
    case 'recv':
      return `<-${e.ch}`;
    case 'done':
      return `${e.wg}.Done()`;
    case 'waitReturn':
      return `${e.wg}.Wait()`;
    default:
      return `${e.type} ${e.sync}`;
  }
}

export const happensBeforeModel: ModelDef<HappensBeforeState, HappensBeforeEvent, HappensBeforeKey> = {
  info: happensBeforeInfo,
  step: stepHappensBefore,
  enabledEvents: none,
  isDeadlocked: never,
  failure: noFailure,
  drive: 'events',
  schema: happensBeforeSchema,
  init: (s) =>
    newHappensBeforeState((s.initial.goroutines as string[] | undefined) ?? s.goroutines.map((g) => g.id)),
  view: happensBeforeView,
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  eventText,
  predicates: { race: hasDataRace, noRace: (s) => !hasDataRace(s) },
};
