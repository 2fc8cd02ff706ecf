/**
 * The sync.Once scenario: `impl` picks Go's Do (the default) or the CAS-only Do that once.go warns
 * about; lanes call once.Do(f) with f's statements (work, panic, a nested Do), optionally recovering
 * f's panic in the caller, do other work, or use what f sets (`name`: the variable, e.g. cfg).
 */
import { Bool, is, lit, Name, obj, oneOf, Str, arr, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const onceSchema: ScenarioSchema = {
  initial: obj({}, { impl: lit('go', 'cas') }),
  op: oneOf(
    obj({ kind: is('do'), f: arr(lit('work', 'panic', 'do')) }, { recover: Bool, message: Str }),
    obj({ kind: is('work') }),
    obj({ kind: is('use'), name: Name }),
  ),
};
