/**
 * bench:page's timeline rows: how long the timeline view takes from the call that renders it to
 * the frame that shows it, in Chromium on a built chapter page, for generated timelines of 100,
 * 1,000, 3,000 (about the largest lesson example's, cut at 200 KB) and 5,000 events
 * (scripts/synthetic-timeline.ts). The view's chunk is the one the
 * Timeline button imports; it is called the way timeline-controller.ts calls it (create the view,
 * append it under the first playground's editor), so the figure is the page's own work: the model,
 * the DOM, style, layout and paint. The timeline arrives as an object before the clock starts
 * (the JSON parse belongs to the run stream, not the view).
 */
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright';
import { percentile } from './bench-trace.ts';
import { syntheticTimeline, timelineEvents } from './synthetic-timeline.ts';

export const TIMELINE_SIZES = [100, 1000, 3000, 5000] as const;
/** The page whose first playground hosts the view (as in the e2e timeline specs). */
const TIMELINE_PAGE = '/locks/internals-and-memory-model/';

export interface TimelineViewFigures {
  events: number;
  spans: number;
  /** Span buttons in the drawn view. */
  drawn: number;
  /** Render call → frame shown, one per repeat, in ms. */
  times: number[];
}

/** The built view chunk (dist/_astro/timeline-view.<hash>.js) as the page fetches it. */
function viewChunk(distDir: string): string {
  const name = readdirSync(`${distDir}/_astro`).find((f) => /^timeline-view\.[\w-]+\.js$/.test(f));
  if (!name) throw new Error(`no timeline-view chunk in ${distDir}/_astro: run npm run build first`);
  return `/_astro/${name}`;
}

/**
 * Renders each size `repeats` times after one unrecorded render (the chunk's first run compiles
 * it); the view is destroyed between renders, as closing the panel does.
 */
export async function measureTimelineView(
  browser: Browser,
  base: string,
  opts: { repeats: number; distDir?: string; sizes?: readonly number[] },
): Promise<TimelineViewFigures[]> {
  const chunk = viewChunk(opts.distDir ?? 'dist');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}${TIMELINE_PAGE}`, { waitUntil: 'networkidle' });
    const figures: TimelineViewFigures[] = [];
    for (const events of opts.sizes ?? TIMELINE_SIZES) {
      const { timeline, files } = syntheticTimeline({ events });
      if (timelineEvents(timeline) !== events)
        throw new Error(`generated ${timelineEvents(timeline)} events`);
      const times: number[] = [];
      let drawn = 0;
      for (let i = 0; i <= opts.repeats; i++) {
        const r = await page.evaluate(
          async ({ chunk, timeline, files }) => {
            type View = { el: HTMLElement; destroy: () => void };
            const { createTimelineView } = (await import(chunk)) as {
              createTimelineView: (o: unknown) => View;
            };
            const host = document.querySelector<HTMLElement>('lockstep-playground .pg-timeline');
            if (!host) throw new Error('no playground timeline host on the page');
            host.hidden = false;
            // A frame boundary first, so the clock starts on a quiet main thread.
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            performance.mark('tl-render-called');
            const view = createTimelineView({
              locale: 'en',
              timeline,
              sources: { files },
              result: { races: [], goroutines: [], status: 'ok' },
              onSelect: () => undefined,
              onClose: () => undefined,
            });
            host.append(view.el);
            // rAF runs just before the frame's style, layout and paint; a message posted there is
            // handled after that frame is drawn.
            await new Promise<void>((resolve) =>
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve();
                channel.port2.postMessage(null);
              }),
            );
            const ms = performance.measure('tl-render', 'tl-render-called').duration;
            const spans = view.el.querySelectorAll('.tl-span').length;
            view.destroy();
            host.hidden = true;
            performance.clearMarks();
            performance.clearMeasures();
            return { ms, spans };
          },
          { chunk, timeline, files },
        );
        drawn = r.spans;
        if (i > 0) times.push(r.ms);
      }
      figures.push({ events, spans: timeline.spans.length, drawn, times });
    }
    return figures;
  } finally {
    await context.close();
  }
}

/** The figures as Markdown rows under a header, for docs/performance.md. */
export function timelineViewTable(figures: readonly TimelineViewFigures[]): string[] {
  return [
    '| timeline events | spans | span buttons drawn | render → frame p50 ms | p95 ms | min–max ms | target |',
    '| ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...figures.map((f) => {
      const p95 = percentile(f.times, 95);
      const target = f.events === 1000 ? (p95 <= 100 ? '≤ 100 ms ✓' : '≤ 100 ms ✗') : '';
      return `| ${f.events} | ${f.spans} | ${f.drawn} | ${percentile(f.times, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.min(...f.times).toFixed(1)}–${Math.max(...f.times).toFixed(1)} | ${target} |`;
    }),
  ];
}
