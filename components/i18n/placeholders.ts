/**
 * Types that keep a translation's {placeholders} in step with the English text: a table typed
 * Translation<typeof en> must have every English key, and each of its texts must contain every
 * {name} the English one has, or TypeScript says which. Types only: nothing here runs.
 * N.B. IMPORTED BY BROWSER CODE.
 */

/** The {names} in a template. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A string that contains each of the names as {name} (no placeholders: any string). */
export type WithPlaceholders<Names extends string> = [Names] extends [never]
  ? string
  : Intersect<Names extends string ? `${string}{${Names}}${string}` : never>;

/** A translation of the English table T: every key, each text with T's placeholders. */
export type Translation<T extends Readonly<Record<string, string>>> = {
  readonly [K in keyof T]: WithPlaceholders<Placeholders<T[K]>>;
};
