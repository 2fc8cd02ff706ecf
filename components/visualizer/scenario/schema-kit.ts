/**
 * TypeBox shorthands the models' scenario schemas share (goroutine ids, names, closed objects, enums).
 */
import { Type, type TSchema } from 'typebox';

/** A goroutine id as lanes write it: `G1`, `R2`, `W`. */
export const G = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,7}$' });
/** A short name: a key, a lock, a variable. */
export const Name = Type.String({ minLength: 1, maxLength: 24 });
/** An object with exactly these properties. */
export const obj = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: false });
/** One of these strings. */
export const lit = (...values: string[]) => Type.Enum(values);

/** What a model accepts in a scenario: its `initial` options and the element type of a lane's `program`. */
export interface ScenarioSchema {
  initial: TSchema;
  /** null: lanes carry no program (the model builds its goroutines itself). */
  op: TSchema | null;
}
