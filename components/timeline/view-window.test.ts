import { describe, expect, test } from 'vitest';
import {
  bringIntoView,
  clampWindow,
  MIN_WIDTH_NS,
  panBy,
  position,
  visibleBox,
  wholeRun,
  zoomAround,
} from './view-window.ts';

describe('the view window', () => {
  test('zooming in keeps the point under the pointer where it was', () => {
    const view = zoomAround({ from: 0, to: 1000 }, 2, 250, 1000);
    expect(view).toEqual({ from: 125, to: 625 });
    expect(position(view, 250)).toBeCloseTo(0.25);
  });

  test('zooming out past the run gives the whole run; zooming in stops at the minimum width', () => {
    expect(zoomAround({ from: 100, to: 200 }, 0.01, 150, 1000)).toEqual({ from: 0, to: 1000 });
    const narrow = zoomAround({ from: 0, to: 1000 }, 1e9, 500, 1000);
    expect(narrow.to - narrow.from).toBe(MIN_WIDTH_NS);
  });

  test('panning stops at either end of the run', () => {
    expect(panBy({ from: 0, to: 100 }, -0.5, 1000)).toEqual({ from: 0, to: 100 });
    expect(panBy({ from: 800, to: 900 }, 0.5, 1000)).toEqual({ from: 850, to: 950 });
    expect(panBy({ from: 850, to: 950 }, 5, 1000)).toEqual({ from: 900, to: 1000 });
  });

  test('a run shorter than the minimum width, or empty, still has a window', () => {
    expect(wholeRun(0)).toEqual({ from: 0, to: 1 });
    expect(clampWindow({ from: -5, to: 50 }, 2)).toEqual({ from: 0, to: 2 });
    expect(clampWindow({ from: Number.NaN, to: Number.NaN }, 10)).toEqual({ from: 0, to: 10 });
  });

  test('a focused span off screen is brought into view without changing the width', () => {
    expect(bringIntoView({ from: 0, to: 100 }, 300, 320, 1000)).toEqual({ from: 220, to: 320 });
    expect(bringIntoView({ from: 500, to: 600 }, 100, 120, 1000)).toEqual({ from: 100, to: 200 });
    expect(bringIntoView({ from: 0, to: 100 }, 10, 20, 1000)).toEqual({ from: 0, to: 100 });
  });

  test('a span is cut to the part that shows', () => {
    expect(visibleBox({ from: 100, to: 200 }, 50, 150)).toEqual({ left: 0, width: 0.5 });
    expect(visibleBox({ from: 100, to: 200 }, 250, 300)).toBeNull();
  });
});
