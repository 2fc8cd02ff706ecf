/**
 * Creates an element with attributes and text: the one DOM helper the islands share.
 * N.B. BROWSER CODE.
 */

/** Returns a new element of tag with the given attributes and, if given, text content. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}
