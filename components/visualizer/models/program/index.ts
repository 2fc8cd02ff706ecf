/** The sandbox's composite program (palette ops over shared objects) as the visualizer uses it. */
import { failureOf, programs, type ModelDef } from '../define.ts';
import { NARRATION_EN, type ProgramKey } from './narration-en.ts';
import { NARRATION_ZH } from './narration-zh.ts';
import type { OpId } from './palette.ts';
import {
  lostUpdate,
  newProgramState,
  programCursor,
  programEnabledEvents,
  programInfo,
  programIsDeadlocked,
  stepProgram,
  varOf,
  type ProgramEvent,
  type ProgramState,
} from './program.ts';
import { programSchema } from './schema.ts';
import { programView } from './view.ts';

export const programModel: ModelDef<ProgramState, ProgramEvent, ProgramKey> = {
  info: programInfo,
  step: stepProgram,
  enabledEvents: programEnabledEvents,
  isDeadlocked: programIsDeadlocked,
  failure: failureOf,
  drive: 'stepped',
  schema: programSchema,
  init: (s) => newProgramState(programs<OpId>(s)),
  view: programView,
  cursor: (p, lane) => programCursor(p, lane.id),
  narration: { en: NARRATION_EN, 'zh-cn': NARRATION_ZH },
  predicates: {
    lostUpdate,
    race: (p) => p.hb.race !== null,
    noRace: (p) => p.hb.race === null && p.goroutines.every((g) => g.pc === 'done'),
    counterAtMost: (p, q) =>
      p.goroutines.every((g) => g.pc === 'done') && (varOf(p)?.value ?? 0) <= (q.value ?? 0),
  },
  predict: { counter: (p) => varOf(p)?.value ?? 0 },
};
