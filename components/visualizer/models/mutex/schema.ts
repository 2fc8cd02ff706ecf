/** The sync.Mutex scenario: optional clock start and canSpin inputs; lanes call Lock/Unlock/TryLock. */
import { Bool, int, lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const mutexSchema: ScenarioSchema = {
  initial: obj(
    {},
    {
      now: int({ minimum: 1 }),
      spinEnv: obj(
        {},
        {
          numCPUStartup: int({ minimum: 1 }),
          gomaxprocs: int({ minimum: 1 }),
          npidle: int({ minimum: 0 }),
          nmspinning: int({ minimum: 0 }),
          localRunqEmpty: Bool,
        },
      ),
    },
  ),
  op: lit('lock', 'unlock', 'tryLock', 'work'),
};
