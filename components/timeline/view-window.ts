/**
 * The part of a timeline on screen: a window [from, to] in ns after the first event, zoomed
 * around a point and panned, always kept inside [0, end] and never narrower than MIN_WIDTH_NS (or
 * the whole run when it is shorter), so a zoom can neither lose the run nor divide by zero.
 * Pure: no DOM.
 */

export interface ViewWindow {
  from: number;
  to: number;
}

/** The narrowest window a zoom reaches. */
export const MIN_WIDTH_NS = 4;

/** The window over the whole run (a run of 0 ns still gets a window 1 ns wide). */
export function wholeRun(endNs: number): ViewWindow {
  return { from: 0, to: Math.max(1, endNs) };
}

/** Moves and shrinks a window until it lies inside [0, end] and is at least the minimum width. */
export function clampWindow(view: ViewWindow, endNs: number): ViewWindow {
  const end = Math.max(1, endNs);
  const minWidth = Math.min(end, MIN_WIDTH_NS);
  let width = Math.min(end, Math.max(minWidth, view.to - view.from));
  if (!Number.isFinite(width)) width = end;
  let from = Number.isFinite(view.from) ? view.from : 0;
  from = Math.min(Math.max(0, from), end - width);
  return { from, to: from + width };
}

/**
 * Zooms by factor (> 1 zooms in) keeping the point at ns where it is on screen, as a map's
 * Ctrl+wheel does; the result is clamped.
 */
export function zoomAround(view: ViewWindow, factor: number, ns: number, endNs: number): ViewWindow {
  const width = view.to - view.from;
  const at = Math.min(Math.max(ns, view.from), view.to);
  const share = width > 0 ? (at - view.from) / width : 0.5;
  const next = width / factor;
  return clampWindow({ from: at - share * next, to: at - share * next + next }, endNs);
}

/** Shifts the window by a share of its width (negative: earlier); the result is clamped. */
export function panBy(view: ViewWindow, share: number, endNs: number): ViewWindow {
  const shift = (view.to - view.from) * share;
  return clampWindow({ from: view.from + shift, to: view.to + shift }, endNs);
}

/** Shifts the window so that ns is on screen, keeping its width (for a span focused off screen). */
export function bringIntoView(view: ViewWindow, start: number, end: number, endNs: number): ViewWindow {
  const width = view.to - view.from;
  if (start >= view.from && end <= view.to) return view;
  if (end - start >= width || start < view.from)
    return clampWindow({ from: start, to: start + width }, endNs);
  return clampWindow({ from: end - width, to: end }, endNs);
}

/** Where ns falls in the window, as a share of its width (0 at from, 1 at to; outside is <0 or >1). */
export function position(view: ViewWindow, ns: number): number {
  const width = view.to - view.from;
  return width > 0 ? (ns - view.from) / width : 0;
}

/** The part of [start, end] that shows, as left and width shares of the window; null when none does. */
export function visibleBox(
  view: ViewWindow,
  start: number,
  end: number,
): { left: number; width: number } | null {
  if (end < view.from || start > view.to) return null;
  const left = Math.max(0, position(view, start));
  const right = Math.min(1, position(view, end));
  return { left, width: Math.max(0, right - left) };
}
