/**
 * The one piece of formatting quiz texts support: `backticks` for code, so prompts can name
 * identifiers without Markdown. Shared by the server render and the tests.
 * N.B. IMPORTED BY BROWSER CODE.
 */

/** A run of plain text or of inline code. */
export interface Segment {
  code: boolean;
  text: string;
}

/** Splits text at backticks; an unmatched backtick is kept as plain text. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /`([^`]+)`/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ code: false, text: text.slice(last, m.index) });
    out.push({ code: true, text: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ code: false, text: text.slice(last) });
  return out;
}

/** Returns text without its code markers, for attributes such as aria-label. */
export function plainText(text: string): string {
  return segments(text)
    .map((s) => s.text)
    .join('');
}

/** Splits text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
