/** The counter++ scenario: the variant and iterations; lanes have no program (G1…Gn each increment). */
import { int, lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const counterSchema: ScenarioSchema = {
  initial: obj({ variant: lit('racy', 'mutex', 'atomic') }, { iterations: int({ minimum: 1, maximum: 5 }) }),
  op: null,
};
