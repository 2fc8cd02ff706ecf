/** The happens-before scenario: the goroutines; lanes carry synchronizing events and memory accesses. */
import {
  arr,
  Bool,
  G,
  is,
  lit,
  Name,
  obj,
  oneOf,
  Str,
  type ScenarioSchema,
} from '../../scenario/schema-kit.ts';

export const happensBeforeSchema: ScenarioSchema = {
  initial: obj({}, { goroutines: arr(G) }),
  op: oneOf(
    obj({ type: is('go'), parent: G, child: G }),
    obj({ type: lit('release'), g: G, sync: Name }, { merge: Bool }),
    obj({ type: lit('acquire'), g: G, sync: Name }),
    obj({ type: lit('unlock', 'lock'), g: G, mutex: Name }),
    obj({ type: lit('send', 'recv'), g: G, ch: Name }),
    obj({ type: lit('done', 'waitReturn'), g: G, wg: Name }),
    obj({ type: lit('read', 'write'), g: G, variable: Name }, { value: Str }),
  ),
};
