/** The wait-for graph scenario: the locks; lanes lock and unlock them (optionally as readers). */
import { arr, G, lit, Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const waitForSchema: ScenarioSchema = {
  initial: obj({ locks: arr(Name, { minItems: 1 }) }),
  op: obj({ type: lit('lock', 'unlock'), g: G, lock: Name }, { mode: lit('read', 'write') }),
};
