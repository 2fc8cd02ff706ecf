/**
 * How a Markdown table is wrapped so that a narrow screen scrolls the table, not the page: a
 * keyboard-focusable region named after the section it belongs to. Pure: the plugin in index.ts
 * feeds it what it found around the table.
 */

/**
 * The wrapper element, empty (the table goes inside). `heading` is the text of the nearest heading
 * before the table (its id is not assigned yet when Markdown plugins run); without one the region
 * is named by the table's column headers.
 */
export function tableWrapper(heading: string | undefined, columns: string[]): string {
  // A scroll area must be reachable by keyboard (tabindex) and named (a region needs a name).
  const name =
    heading?.trim() ||
    columns
      .map((c) => c.trim())
      .filter(Boolean)
      .join(', ');
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttribute(name)}"></div>`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
