/** The legacy sync.Map scenario: no options; lanes Load, Store, Delete or Range. */
import { Type } from 'typebox';
import { lit, Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const legacySyncMapSchema: ScenarioSchema = {
  initial: obj({}),
  op: Type.Union([
    obj({ type: lit('load', 'delete'), key: Name }),
    obj({ type: Type.Literal('store'), key: Name, value: Type.String() }),
    obj({ type: Type.Literal('range') }),
  ]),
};
