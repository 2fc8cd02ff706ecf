/**
 * The one placeholder filler of the UI strings (t() uses it; index.ts re-exports it). The server
 * words nothing, so it lives here. N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */

/**
 * Returns template with each {name} replaced by params[name]; unknown names stay as written. One
 * pass over the template: a filled-in value that itself contains "{x}" stays as it is.
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
