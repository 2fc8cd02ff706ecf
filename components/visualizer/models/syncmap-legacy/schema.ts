/** The legacy sync.Map scenario: no options; lanes Load, Store, Delete or Range. */
import { is, lit, Name, obj, oneOf, Str, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const legacySyncMapSchema: ScenarioSchema = {
  initial: obj({}),
  op: oneOf(
    obj({ type: lit('load', 'delete'), key: Name }),
    obj({ type: is('store'), key: Name, value: Str }),
    obj({ type: is('range') }),
  ),
};
