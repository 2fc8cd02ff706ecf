/** The sync.Mutex scenario: optional clock start and canSpin inputs; lanes call Lock/Unlock/TryLock. */
import { Type } from 'typebox';
import { lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const mutexSchema: ScenarioSchema = {
  initial: obj({
    now: Type.Optional(Type.Integer({ minimum: 1 })),
    spinEnv: Type.Optional(
      obj({
        ncpu: Type.Optional(Type.Integer({ minimum: 1 })),
        gomaxprocs: Type.Optional(Type.Integer({ minimum: 1 })),
        npidle: Type.Optional(Type.Integer({ minimum: 0 })),
        nmspinning: Type.Optional(Type.Integer({ minimum: 0 })),
        localRunqEmpty: Type.Optional(Type.Boolean()),
      }),
    ),
  }),
  op: lit('lock', 'unlock', 'tryLock', 'work'),
};
