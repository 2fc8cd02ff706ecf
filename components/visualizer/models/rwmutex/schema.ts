/** The sync.RWMutex scenario: no options; lanes call RLock/RUnlock/Lock/Unlock. */
import { lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const rwmutexSchema: ScenarioSchema = {
  initial: obj({}),
  op: lit('rlock', 'runlock', 'lock', 'unlock', 'work'),
};
