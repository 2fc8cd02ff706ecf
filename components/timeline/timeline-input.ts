/**
 * The pointer and keys on the lanes' region. On a span, arrows move between spans (←/→ within a
 * lane, ↑/↓ between lanes, Home/End), a click or Enter selects it; on the region itself ←/→ pan;
 * +/− zoom (around the focused span); Ctrl+wheel zooms around the pointer; a drag pans, and the
 * click that ends a drag selects nothing.
 * N.B. BROWSER CODE.
 */
import { moveFocus, type TimelineModel } from './model.ts';
import { PAN_SHARE, ZOOM_STEP } from './timeline-bar.ts';
import type { TimelineLanes } from './timeline-lanes.ts';
import { panBy, type ViewWindow } from './view-window.ts';

/** How much one wheel notch zooms: finer than a button, as a wheel sends many. */
const WHEEL_STEP = 1.25;
/** A press that moves less than this is a click, not a drag. */
const DRAG_PX = 4;

const MOVES: Record<string, Parameters<typeof moveFocus>[2]> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
};

export interface LaneInputActions {
  view: () => ViewWindow;
  /** Shows a new window, redrawing the lanes. */
  show: (view: ViewWindow) => void;
  /** Zooms by factor around at (ns), or around the window's middle. */
  zoom: (factor: number, at?: number) => void;
  pan: (share: number) => void;
  moveTo: (span: number) => void;
  select: (span: number) => void;
  /** A span took the focus (by Tab or a click): it holds the tab stop now. */
  focused: (span: number) => void;
}

/** Wires the region's input; returns the function that removes the listeners on window. */
export function wireLaneInput(model: TimelineModel, lanes: TimelineLanes, act: LaneInputActions): () => void {
  const { scroll } = lanes;
  scroll.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const onSpan = target.classList.contains('tl-span');
    const at = onSpan ? model.spans[Number(target.dataset.span)] : undefined;
    const middle = at ? (at.start + at.end) / 2 : undefined;
    if (e.key === '+' || e.key === '=') act.zoom(ZOOM_STEP, middle);
    else if (e.key === '-') act.zoom(1 / ZOOM_STEP, middle);
    else if (onSpan && MOVES[e.key]) act.moveTo(moveFocus(model, Number(target.dataset.span), MOVES[e.key]!));
    else if (!onSpan && e.key === 'ArrowLeft') act.pan(-PAN_SHARE);
    else if (!onSpan && e.key === 'ArrowRight') act.pan(PAN_SHARE);
    else return;
    e.preventDefault();
  });
  scroll.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('.tl-span');
    if (target && !dragged) act.select(Number(target.dataset.span));
    dragged = false;
  });
  scroll.addEventListener('focusin', (e) => {
    const target = e.target as HTMLElement;
    if (target.classList.contains('tl-span')) act.focused(Number(target.dataset.span));
  });

  const nsAt = (clientX: number): number => {
    const view = act.view();
    const rect = lanes.trackRect();
    if (!rect || rect.width === 0) return (view.from + view.to) / 2;
    return view.from + ((clientX - rect.left) / rect.width) * (view.to - view.from);
  };
  scroll.addEventListener(
    'wheel',
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      act.zoom(e.deltaY < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, nsAt(e.clientX));
    },
    { passive: false },
  );
  let press: { x: number; view: ViewWindow; width: number } | null = null;
  let dragged = false;
  scroll.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    press = { x: e.clientX, view: act.view(), width: lanes.trackRect()?.width ?? 1 };
    dragged = false;
  });
  // Moves and the release are followed on window: a drag may leave the region.
  const onMove = (e: PointerEvent) => {
    if (!press) return;
    const dx = e.clientX - press.x;
    if (!dragged && Math.abs(dx) < DRAG_PX) return;
    dragged = true;
    act.show(panBy(press.view, -dx / Math.max(1, press.width), model.endNs));
  };
  const onUp = () => {
    press = null;
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  return () => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
  };
}
