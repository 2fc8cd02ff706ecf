/**
 * Shared helpers for narration templates: a template turns a narration's params into a sentence,
 * and every model's templates use the same small helpers.
 */
import type { Param } from '../models/types.ts';

/** Narration params as templates read them. */
export type P = Record<string, Param>;
/** A sentence built from a narration's params. */
export type Template = (p: P) => string;

/** Renders one narration with a table of templates; an unknown key shows as itself. */
export function render(table: Record<string, Template>, x: { key: string; params: P }): string {
  const tpl = table[x.key];
  return tpl ? tpl(x.params) : x.key;
}

/** A param as text ('' when missing). */
export const s = (v: Param | undefined): string => (v === undefined ? '' : String(v));
/** A param as a number (0 when missing). */
export const n = (v: Param | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
