/**
 * <lockstep-sandbox>: compose 2–4 goroutines from the palette (editor-view.ts), schedule them by
 * hand in the visualizer, count the outcomes over all schedules and make a level from one
 * (outcome-panel.ts), and export or import the program as JSON or a `#s=` link (sandbox-io.ts).
 * Sandbox levels are practice: the player is told not to record their wins (`data-practice`), so
 * a level opened from a link is never recorded either. N.B. BROWSER CODE.
 */
import '../visualizer-element.ts';
import type { Predicate, Scenario } from '../engine/types.ts';
import { PALETTE, type OpId } from '../models/program/palette.ts';
import { h } from '../render/dom.ts';
import { pageLocale, t, type Locale, type VizKey } from '../../i18n/index.ts';
import { editorView, type EditorActions } from './editor-view.ts';
import { gid, toScenario, type SandboxDoc } from './format.ts';
import { OutcomePanel } from './outcome-panel.ts';
import { ioPanel } from './panels-view.ts';
import { PRESETS } from './presets.ts';
import { sandboxIo } from './sandbox-io.ts';

function base64Json(x: unknown): string {
  let bin = '';
  for (const b of new TextEncoder().encode(JSON.stringify(x))) bin += String.fromCharCode(b);
  return btoa(bin);
}

const clone = (doc: SandboxDoc): SandboxDoc => ({ goroutines: doc.goroutines.map((ops) => [...ops]) });
const live = (cls: string) => h('p', { class: cls, role: 'status', 'aria-live': 'polite' });

export class LockstepSandbox extends HTMLElement {
  private locale: Locale = 'en';
  private doc: SandboxDoc = clone(PRESETS[0]!.doc);
  /** Bumped by every change, so a count or an audit still running for an older program stops. */
  private generation = 0;
  private readonly editor = h('div', { class: 'sb-editor' });
  private readonly editStatus = live('sb-status');
  private readonly player = h('div', { class: 'sb-player' });
  private readonly slots = {
    status: live('sb-status'),
    progress: h('p', { class: 'sb-progress', hidden: true }),
    table: h('div'),
    builder: h('div'),
    audit: live('sb-status'),
  };
  private readonly ioStatus = live('sb-status');
  private readonly ioError = h('p', { class: 'sb-error', role: 'alert' });
  private outcomes!: OutcomePanel;
  private io!: ReturnType<typeof sandboxIo>;
  private built = false;
  private t = (key: VizKey, params?: Record<string, string | number>): string => t(this.locale, key, params);

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    this.locale = pageLocale();
    this.outcomes = new OutcomePanel({
      t: this.t,
      locale: this.locale,
      doc: () => this.doc,
      setLevel: (win: Predicate, goal: string) => (this.doc = { ...this.doc, level: { win, goal } }),
      scenario: (id, script) => this.scenario(id, script),
      mount: (s) => this.mount(s),
      generation: () => this.generation,
      slots: this.slots,
    });
    const panel = ioPanel(this.t, {
      copyJson: () => this.io.copyJson(),
      download: () => this.io.download(),
      copyLink: () => this.io.copyLink(),
      importText: (text) => this.io.importText(text),
    });
    this.io = sandboxIo({
      t: this.t,
      locale: this.locale,
      doc: () => this.doc,
      load: (doc, message) => this.load(doc, message),
      el: this,
      fields: () => ({ json: panel.json, link: panel.link, status: this.ioStatus, error: this.ioError }),
    });
    this.replaceChildren(this.layout(panel.el));
    this.drawEditor();
    this.outcomes.drawBuilder();
    void this.io.restoreLink();
    window.addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
  }

  private onHash = (): void => void this.io.restoreLink();

  private button(key: VizKey, focus: string, onclick: () => void, primary = false): HTMLButtonElement {
    const cls = `viz-button${primary ? ' viz-primary' : ''}`;
    return h('button', { type: 'button', class: cls, 'data-focus': focus, onclick }, this.t(key));
  }

  private layout(io: HTMLElement): HTMLElement {
    const presets = h(
      'select',
      { id: 'sb-preset', class: 'viz-select', 'data-focus': 'preset' },
      PRESETS.map((p) => h('option', { value: p.id }, this.t(p.name))),
    );
    const load = () => {
      const p = PRESETS.find((x) => x.id === presets.value)!;
      this.setDoc(clone(p.doc), this.t('viz.sb.loaded', { name: this.t(p.name) }));
    };
    const s = this.slots;
    return h(
      'section',
      { class: 'sb', 'aria-label': this.t('viz.sb.region') },
      h('h2', {}, this.t('viz.sb.h.program')),
      h(
        'div',
        { class: 'sb-row' },
        h('label', { for: 'sb-preset' }, this.t('viz.sb.presets')),
        presets,
        this.button('viz.sb.preset.load', 'load', load),
      ),
      this.editor,
      this.editStatus,
      h('h2', {}, this.t('viz.sb.actions')),
      h(
        'div',
        { class: 'sb-row' },
        this.button('viz.sb.schedule', 'schedule', () => this.schedule()),
        this.button('viz.sb.count', 'count', () => void this.outcomes.count(), true),
      ),
      s.status,
      s.progress,
      s.table,
      this.player,
      h('h2', {}, this.t('viz.sb.level.title')),
      s.builder,
      s.audit,
      h('h2', {}, this.t('viz.sb.io.title')),
      io,
      this.ioStatus,
      this.ioError,
    );
  }

  private code = (op: OpId): string => PALETTE[op].code;

  private withOps(g: number, ops: OpId[]): SandboxDoc {
    return { goroutines: this.doc.goroutines.map((o, k) => (k === g ? ops : o)) };
  }

  private edits: EditorActions = {
    add: (g, op) => {
      const ops = [...this.doc.goroutines[g]!, op];
      this.setDoc(
        this.withOps(g, ops),
        this.t('viz.sb.added', { op: this.code(op), g: gid(g), n: ops.length }),
      );
    },
    move: (g, i, by) => {
      const ops = [...this.doc.goroutines[g]!];
      [ops[i], ops[i + by]] = [ops[i + by]!, ops[i]!];
      const n = i + by + 1;
      const message = this.t('viz.sb.moved', { op: this.code(ops[i + by]!), g: gid(g), n });
      // Focus follows the op; at the top or bottom, where that button is now disabled, the other one.
      const edge = by < 0 ? i + by === 0 : i + by === ops.length - 1;
      const dir = by < 0 !== edge ? 'up' : 'down';
      this.setDoc(this.withOps(g, ops), message, `${dir}-${g}-${i + by}`);
    },
    remove: (g, i) => {
      const op = this.doc.goroutines[g]![i]!;
      const ops = this.doc.goroutines[g]!.filter((_, j) => j !== i);
      const focus = ops.length === 0 ? `select-${g}` : `remove-${g}-${Math.min(i, ops.length - 1)}`;
      this.setDoc(this.withOps(g, ops), this.t('viz.sb.removed', { op: this.code(op), g: gid(g) }), focus);
    },
    addGoroutine: () => {
      const gs = [...this.doc.goroutines, []];
      const g = gid(gs.length - 1);
      this.setDoc({ goroutines: gs }, this.t('viz.sb.gAdded', { g }), `select-${gs.length - 1}`);
    },
    removeGoroutine: () => {
      const gs = this.doc.goroutines.slice(0, -1);
      this.setDoc({ goroutines: gs }, this.t('viz.sb.gRemoved', { n: gs.length }), 'add-g');
    },
  };

  /** A new program: the count, the level and the player belonged to the old one. */
  private setDoc(doc: SandboxDoc, message: string, focus?: string): void {
    this.doc = doc;
    this.generation += 1;
    this.player.replaceChildren();
    this.outcomes.reset();
    this.drawEditor(focus);
    this.editStatus.textContent = message;
  }

  private drawEditor(focus?: string): void {
    const active = document.activeElement as HTMLElement | null;
    const key = focus ?? (active && this.editor.contains(active) ? active.dataset.focus : undefined);
    this.editor.replaceChildren(...editorView(this.t, this.edits, this.doc));
    if (!key) return;
    const again = this.editor.querySelector<HTMLButtonElement>(`[data-focus="${key}"]`);
    const target = again && !again.disabled ? again : this.editor.querySelector<HTMLElement>('select');
    target?.focus();
  }

  private scenario(id: string, script: Scenario['script'] = []): Scenario {
    const words = { id, title: this.t('viz.sb.title'), description: this.t('viz.sb.desc') };
    return toScenario(this.doc, words, script);
  }

  /** Shows a scenario in the player and puts the keyboard on its stage. */
  private mount(s: Scenario): void {
    const el = document.createElement('lockstep-visualizer');
    el.id = 'sb-player';
    el.setAttribute('data-scenario', base64Json(s));
    el.setAttribute('data-practice', '');
    this.player.replaceChildren(el);
    requestAnimationFrame(() => el.querySelector<HTMLElement>('.viz-stage')?.focus());
  }

  private schedule(): void {
    this.mount(this.scenario('sandbox'));
    this.slots.status.textContent = this.t('viz.sb.scheduler');
  }

  /** Loads a program; a level in it is counted, audited and played (its par recomputed, never trusted). */
  private async load(doc: SandboxDoc, message: string): Promise<void> {
    this.setDoc(clone(doc), message);
    this.ioStatus.textContent = message;
    if (!doc.level) return;
    const r = await this.outcomes.count();
    if (r?.status !== 'done') return;
    if (await this.outcomes.makeLevel(doc.level.win, doc.level.goal))
      this.ioStatus.textContent = `${message} ${this.t('viz.sb.importedLevel', { goal: doc.level.goal })}`;
  }
}

if (!customElements.get('lockstep-sandbox')) customElements.define('lockstep-sandbox', LockstepSandbox);
