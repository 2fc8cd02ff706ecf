/** The built-in map scenario: optional starting entries; lanes write, delete, read or range. */
import { is, Name, obj, oneOf, record, Str, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const mapCheckSchema: ScenarioSchema = {
  initial: obj({}, { entries: record(Str) }),
  op: oneOf(
    obj({ kind: is('write'), key: Name, value: Str }),
    obj({ kind: is('delete'), key: Name }),
    obj({ kind: is('read'), key: Name }),
    obj({ kind: is('range') }),
  ),
};
