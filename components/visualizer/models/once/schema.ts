/**
 * The sync.Once scenario: no initial options; lanes call once.Do(f) with f's statements (work, panic,
 * a nested Do), optionally recovering f's panic in the caller, or do other work.
 */
import { Bool, is, lit, obj, oneOf, Str, arr, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const onceSchema: ScenarioSchema = {
  initial: obj({}),
  op: oneOf(
    obj({ kind: is('do'), f: arr(lit('work', 'panic', 'do')) }, { recover: Bool, message: Str }),
    obj({ kind: is('work') }),
  ),
};
