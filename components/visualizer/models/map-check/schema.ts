/** The built-in map scenario: optional starting entries; lanes write, delete, read or range. */
import { Type } from 'typebox';
import { Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const mapCheckSchema: ScenarioSchema = {
  initial: obj({ entries: Type.Optional(Type.Record(Type.String(), Type.String())) }),
  op: Type.Union([
    obj({ kind: Type.Literal('write'), key: Name, value: Type.String() }),
    obj({ kind: Type.Literal('delete'), key: Name }),
    obj({ kind: Type.Literal('read'), key: Name }),
    obj({ kind: Type.Literal('range') }),
  ]),
};
