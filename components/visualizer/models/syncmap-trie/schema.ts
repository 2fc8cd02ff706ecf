/**
 * The hash-trie sync.Map scenario: optional short hashes (chosen per key so collisions are visible);
 * lanes Load, Store or Delete.
 */
import { int, is, Name, obj, oneOf, record, Str, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const trieSchema: ScenarioSchema = {
  initial: obj(
    {},
    {
      hashBits: int({ minimum: 4, maximum: 16, multipleOf: 4 }),
      childrenLog2: is(4),
      hashes: record(int({ minimum: 0, maximum: 65535 })),
    },
  ),
  op: oneOf(
    obj({ kind: is('load'), key: Name }),
    obj({ kind: is('store'), key: Name, value: Str }),
    obj({ kind: is('delete'), key: Name }),
  ),
};
