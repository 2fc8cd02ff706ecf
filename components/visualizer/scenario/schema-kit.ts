/**
 * A tiny builder for the plain JSON Schema that each model's scenario schema is written in. Plain
 * objects, not TypeBox builders, because the registry (and so every schema) is imported by the
 * browser island, which must not pay for TypeBox; scenario/load.ts validates them with TypeBox's
 * Value module at build time, which accepts standard JSON Schema.
 */

/** A JSON Schema as a plain, JSON-safe object. */
export type JsonSchema = { readonly [key: string]: unknown };

/** A goroutine id as lanes write it: `G1`, `R2`, `W`. */
export const G: JsonSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{0,7}$' };
/** A short name: a key, a lock, a variable. */
export const Name: JsonSchema = { type: 'string', minLength: 1, maxLength: 24 };
/** Any string. */
export const Str: JsonSchema = { type: 'string' };
/** A boolean. */
export const Bool: JsonSchema = { type: 'boolean' };

/** An integer, optionally bounded (`minimum`, `maximum`, `multipleOf`). */
export const int = (
  bounds: { minimum?: number; maximum?: number; multipleOf?: number } = {},
): JsonSchema => ({
  type: 'integer',
  ...bounds,
});
/** One of these strings. */
export const lit = (...values: string[]): JsonSchema => ({ enum: values });
/** Exactly this value. */
export const is = (value: string | number): JsonSchema => ({ const: value });
/** Any of these schemas. */
export const oneOf = (...schemas: JsonSchema[]): JsonSchema => ({ anyOf: schemas });
/** An array of `items`. */
export const arr = (items: JsonSchema, bounds: { minItems?: number } = {}): JsonSchema => ({
  type: 'array',
  items,
  ...bounds,
});
/** An object with arbitrary string keys whose values match `values`. */
export const record = (values: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: values });
/** An object with exactly these properties: `required` must be present, `optional` may be. */
export const obj = (
  required: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema => ({
  type: 'object',
  properties: { ...required, ...optional },
  required: Object.keys(required),
  additionalProperties: false,
});

/** What a model accepts in a scenario: its `initial` options and the element type of a lane's `program`. */
export interface ScenarioSchema {
  initial: JsonSchema;
  /** null: lanes carry no program (the model builds its goroutines itself). */
  op: JsonSchema | null;
}
