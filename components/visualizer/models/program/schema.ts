/** The sandbox program's scenario: no options; each lane's program is a list of palette op ids. */
import { lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';
import { OP_IDS } from './palette.ts';

export const programSchema: ScenarioSchema = {
  initial: obj({}),
  op: lit(...OP_IDS),
};
