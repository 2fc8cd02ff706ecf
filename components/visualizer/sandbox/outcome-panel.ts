/**
 * The sandbox's outcome count and level builder: counts every schedule in slices (yielding to the
 * page between them, so it never freezes, and announcing the result in a live region), shows the
 * table, offers the counted outcomes that break something as a level's win, and audits and plays
 * the level. N.B. BROWSER CODE.
 */
import { OutcomeCounter, type CountResult, type OutcomeRow } from '../engine/outcomes.ts';
import type { Predicate, Scenario } from '../engine/types.ts';
import { outcomeKey, parseOutcomeKey, programOutcome, winsOf } from '../models/program/outcome.ts';
import type { ProgramState } from '../models/program/state.ts';
import { h } from '../render/dom.ts';
import type { Locale, VizKey } from '../../i18n/index.ts';
import type { SandboxDoc } from './format.ts';
import { auditLevel } from './level.ts';
import { countText, outcomeTable, percent } from './outcome-view.ts';
import { builderForm } from './panels-view.ts';
import { hintText } from './words.ts';

/** The most distinct states a count in the browser explores before it stops and says so. */
export const MAX_STATES = 50_000;
/** Edges explored between two yields to the page. */
const SLICE = 400;

/** Lets the page paint and handle input. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** What the panel needs from the sandbox element. */
export interface OutcomeHost {
  t: (key: VizKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  doc: () => SandboxDoc;
  /** The program became a level (exports now carry it). */
  setLevel: (win: Predicate, goal: string) => void;
  /** The current program's scenario, with a script to step through. */
  scenario: (id: string, script?: Scenario['script']) => Scenario;
  mount: (s: Scenario) => void;
  /** Changes with every edit: work for an older program is dropped. */
  generation: () => number;
  slots: {
    status: HTMLElement;
    progress: HTMLElement;
    table: HTMLElement;
    builder: HTMLElement;
    audit: HTMLElement;
  };
}

export class OutcomePanel {
  private rows: OutcomeRow[] | null = null;
  private readonly x: OutcomeHost;

  constructor(x: OutcomeHost) {
    this.x = x;
  }

  /** Forgets the count (the program changed); says so if there was one. */
  reset(): void {
    const s = this.x.slots;
    const had = this.rows !== null;
    this.rows = null;
    s.table.replaceChildren();
    s.progress.hidden = true;
    s.status.textContent = had ? this.x.t('viz.sb.stale') : '';
    s.audit.textContent = '';
    this.drawBuilder();
  }

  /** Counts every schedule in slices; null if the program changed meanwhile. */
  async count(): Promise<CountResult | null> {
    const { t, slots: s } = this.x;
    const generation = this.x.generation();
    const classify = (run: { state: unknown }) => outcomeKey(programOutcome(run.state as ProgramState));
    const counter = new OutcomeCounter(this.x.scenario('sandbox'), classify, MAX_STATES);
    s.table.replaceChildren();
    s.status.textContent = t('viz.sb.counting', { states: 0 });
    s.progress.hidden = false;
    let r: CountResult | null = null;
    while (!r) {
      r = counter.advance(SLICE);
      s.progress.textContent = t('viz.sb.counting', { states: counter.states.toLocaleString() });
      await yieldToPage();
      if (generation !== this.x.generation()) return null;
    }
    s.progress.hidden = true;
    if (r.status === 'too-big')
      s.status.textContent = t('viz.sb.tooBig', {
        states: r.states.toLocaleString(),
        max: MAX_STATES.toLocaleString(),
      });
    else if (r.status === 'cycle') s.status.textContent = t('viz.sb.cycle');
    else this.show(r.rows, r.total, r.states);
    return r;
  }

  private show(rows: OutcomeRow[], total: bigint, states: number): void {
    const { t, locale, slots: s } = this.x;
    this.rows = rows;
    s.status.textContent = t('viz.sb.counted', {
      total: countText(locale, total),
      n: rows.length,
      states: states.toLocaleString(),
    });
    s.table.replaceChildren(
      outcomeTable(t, locale, rows, total, (row, words) => {
        this.x.mount(this.x.scenario('sandbox-example', row.shortest));
        s.status.textContent = t('viz.sb.shown', { outcome: words, moves: row.shortest.length });
      }),
    );
    this.drawBuilder();
  }

  /** The builder: the counted outcomes that break something, or why there are none. */
  drawBuilder(): void {
    const { t, locale, slots: s } = this.x;
    if (!this.rows) return void s.builder.replaceChildren(h('p', {}, t('viz.sb.level.countFirst')));
    const wins = new Map<string, Predicate>();
    for (const row of this.rows)
      for (const w of winsOf(parseOutcomeKey(row.cls))) wins.set(JSON.stringify(w), w);
    const form = builderForm(t, locale, [...wins.values()], () => {
      const win = form.win();
      if (!win) return;
      if (!form.goal()) {
        s.audit.textContent = t('viz.sb.level.noGoal');
        return void s.builder.querySelector<HTMLElement>('#sb-goal')?.focus();
      }
      void this.makeLevel(win, form.goal());
    });
    s.builder.replaceChildren(form.el);
  }

  /** Audits the level (after a paint, so "checking" shows) and plays it if it passes. */
  async makeLevel(win: Predicate, goal: string): Promise<boolean> {
    const { t, locale, slots: s } = this.x;
    const generation = this.x.generation();
    s.audit.textContent = t('viz.sb.level.checking');
    await yieldToPage();
    if (generation !== this.x.generation()) return false;
    const words = {
      goal,
      hint: hintText(locale, win),
      id: 'sandbox-level',
      title: t('viz.sb.level.name'),
      description: t('viz.sb.desc'),
    };
    const v = auditLevel(this.x.doc(), win, words);
    const pct = (p: number) => percent(locale, BigInt(Math.round(p * 1e6)), 1_000_000n);
    if (!v.ok) {
      s.audit.textContent =
        v.reason === 'never'
          ? t('viz.sb.audit.never')
          : v.reason === 'random'
            ? t('viz.sb.audit.random', { chance: pct(v.chance) })
            : t('viz.sb.audit.strategies', { strategies: v.strategies.join(', ') });
      return false;
    }
    this.x.setLevel(win, goal);
    this.x.mount(v.scenario);
    s.audit.textContent = t('viz.sb.audit.ok', { par: v.par, chance: pct(v.chance) });
    return true;
  }
}
