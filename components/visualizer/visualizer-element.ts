/**
 * <lockstep-visualizer data-scenario="base64 JSON">: plays a scenario step by step (lanes with code
 * and a ▶ program counter, the primitive's state, queues, a timeline, a live narration and a step
 * log), lets the learner act as the scheduler, grades levels and shares a step by URL.
 * N.B. BROWSER CODE. Models are pure, so Back is a replay of one move fewer.
 */
import { copyShareLink } from './share-copy.ts';
import { ClockControls, spinText } from './clock-controls.ts';
import { buildToolbar, handleKey, SPEEDS, type ControlActions, type Speed } from './controls.ts';
import { outcomeOf } from './engine/level.ts';
import { predictedValue } from './engine/predict.ts';
import { applyMove, enabledMoves, replayMoves, sameMove, type Run } from './engine/run.ts';
import { back, forward, pick, seek, startSession, type Session } from './engine/session.ts';
import { driverOf } from './engine/setup.ts';
import { decodeShare, encodeShare, sessionFromShare } from './engine/share.ts';
import { defaultSpin, offersSpin, spinCode, withSpin, type SpinChoice } from './engine/spin.ts';
import type { Move, Scenario } from './engine/types.ts';
import { scriptText } from './i18n/narrate.ts';
import { deadlockNotes } from './i18n/outcome.ts';
import { LevelPanel } from './level-panel.ts';
import { recordAnswer, visualResult } from './progress.ts';
import { renderFrame } from './render/frame.ts';
import { buildSkeleton, decodeScenario, type Slots } from './render/skeleton.ts';
import { pageLocale, t, type Locale, type VizKey } from '../i18n/index.ts';

/** The custom element; one per <Visualizer> on the page. */
export class LockstepVisualizer extends HTMLElement {
  /** The scenario as played: `base` in the spin environment chosen (engine/spin.ts), if it offers one. */
  private s!: Scenario;
  private base!: Scenario;
  private spin: SpinChoice | null = null;
  private clock: ClockControls | null = null;
  private locale: Locale = 'en';
  private session!: Session;
  private run!: Run;
  /** Non-zero while Play runs: the id of this play, so a paused loop's pending wait does nothing. */
  private timer = 0;
  private plays = 0;
  private speed: Speed = 'normal';
  /** Settles when the last step's animations have finished. */
  private motion: Promise<void> = Promise.resolve();
  private level: LevelPanel | null = null;
  private ui!: Slots;
  /** The position came from a share link (until Reset): a win on it is not the learner's. */
  private shared = false;
  /** Predict levels: the answer that counts has been given (now or on an earlier visit), or Reveal ended the attempt. */
  private answered = false;

  private t = (key: VizKey, params?: Record<string, string | number>): string => t(this.locale, key, params);

  connectedCallback(): void {
    if (this.ui) return;
    const s = decodeScenario(this.getAttribute('data-scenario'));
    if (!s) return;
    this.base = s;
    this.spin = defaultSpin(s);
    this.s = withSpin(s, this.spin);
    this.locale = pageLocale();
    this.session = startSession(s);
    this.run = replayMoves(s, []);
    this.build();
    const restored = this.restoreShared();
    this.render(restored ? null : this.t('viz.narration.start'));
    window.addEventListener('hashchange', this.onHash);
  }

  disconnectedCallback(): void {
    this.pause();
    window.removeEventListener('hashchange', this.onHash);
  }

  /** A share link followed on the same page only changes the fragment. */
  private onHash = (): void => {
    this.pause();
    this.restoreShared();
  };

  private actions: ControlActions = {
    reset: () => {
      this.shared = false;
      this.go(startSession(this.s), this.t('viz.narration.reset'));
    },
    back: () => {
      if (!this.session.history.length) return;
      this.pause();
      const next = back(this.session);
      this.go(next, this.t('viz.narration.back', { step: next.history.length }));
    },
    forward: () => {
      if (!this.session.future.length) return;
      this.go(forward(this.session));
    },
    togglePlay: () => (this.timer ? this.pause() : this.play()),
    setSpeed: (sp) => {
      this.speed = sp; // Play reads it before each wait, and the next step's animations scale by it
    },
    share: () => void this.share(),
    pickIndex: (n) => {
      const lane = this.s.goroutines[n];
      const move = lane && enabledMoves(this.s, this.run).find((m) => m.goroutine === lane.id);
      if (move) this.choose(move.move);
    },
  };

  private build(): void {
    const bar = buildToolbar(this.t, this.actions, this.s.level?.kind === 'break');
    if (this.s.level) {
      const before = visualResult(this.s.id);
      this.answered = Boolean(before?.tried || before?.won);
      const hooks = {
        t: this.t,
        locale: this.locale,
        check: (v: number) => this.checkPrediction(v),
        reveal: () => this.reveal(),
        sequence: scriptText(this.locale, this.s),
        concealed: this.concealed(),
        practice: this.hasAttribute('data-practice'),
      };
      this.level = new LevelPanel(this.s, hooks, before);
    }
    const { root, slots } = buildSkeleton(
      this.s,
      this.t,
      bar,
      this.level?.el ?? null,
      driverOf(this.s.model).info,
    );
    this.ui = slots;
    const tick = (m: Move) => this.choose(m);
    this.clock = new ClockControls(this.s, { t: this.t, tick, setSpin: (c) => this.setSpin(c) });
    if (this.clock.el) bar.el.after(this.clock.el);
    this.replaceChildren(root);
    this.conceal();
    this.addEventListener('keydown', (e) => {
      if (handleKey(e, this.actions)) e.preventDefault();
    });
  }

  /** Moves to a new session, replays, renders and announces (the last step's narration by default). */
  private go(next: Session, message?: string): void {
    const prev = this.session.history;
    this.session = next;
    const extends1 =
      next.history.length === prev.length + 1 && prev.every((m, i) => sameMove(m, next.history[i]));
    this.run = extends1
      ? applyMove(this.s, this.run, next.history[next.history.length - 1]!)
      : replayMoves(this.s, next.history);
    if (message !== undefined) this.pause();
    this.render(message ?? null);
  }

  private choose(move: Move): void {
    this.pause();
    this.go(pick(this.session, move));
  }

  /** Steps on at a pace a person can follow: after the last step's motion and the speed's dwell, whichever is later. */
  private play(): void {
    if (!this.session.future.length) return;
    const id = (this.timer = ++this.plays);
    const next = (): void => {
      if (this.timer !== id) return;
      if (!this.session.future.length) return this.pause();
      this.go(forward(this.session));
      if (!this.session.future.length) return this.pause();
      const dwell = new Promise((done) => window.setTimeout(done, SPEEDS[this.speed]));
      void Promise.all([this.motion, dwell]).then(next);
    };
    this.syncPlay();
    next();
  }

  private pause(): void {
    this.timer = 0;
    if (this.ui) this.syncPlay();
  }

  private syncPlay(): void {
    const b = this.ui.bar.play;
    b.lastChild!.textContent = this.t(this.timer ? 'viz.pause' : 'viz.play');
    b.firstChild!.textContent = this.timer ? '❚❚ ' : '► ';
    b.setAttribute('aria-pressed', String(Boolean(this.timer)));
    b.disabled = !this.timer && !this.session.future.length;
  }

  /** A predict level with its answer still open: the state would give the answer away. */
  private concealed(): boolean {
    return this.s.level?.kind === 'predict' && !this.answered;
  }

  /** Hides (or shows again) what would give a predict level's answer away: the state and the step log. */
  private conceal(): void {
    const hide = this.concealed();
    if (this.ui.state.parentElement) this.ui.state.parentElement.hidden = hide;
    this.ui.log.hidden = hide;
  }

  private render(message: string | null): void {
    // Slots are rebuilt, so remember which control had focus and give it back afterwards.
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && this.contains(active) ? active.dataset.focus : undefined;
    const ctx = { locale: this.locale, scenario: this.s, run: this.run, t: this.t };
    const step = this.session.history.length;
    // The narration names the values too, so while the answer is open it only counts the steps.
    if (message === null && step > 0 && this.concealed())
      message = this.t('viz.predict.stepHidden', { step });
    this.clock?.update(this.s, this.run, this.spin);
    this.motion = renderFrame(this.ui, ctx, {
      session: this.session,
      onScript: this.onScript(),
      pick: (m) => this.choose(m),
      message,
      notes: [...deadlockNotes(this.locale, this.s, this.run.state), ...this.levelNotes()],
      pace: SPEEDS[this.speed] / SPEEDS.normal,
    });
    this.syncPlay();
    if (focusKey) {
      const again = this.querySelector<HTMLButtonElement>(`[data-focus="${focusKey}"]`);
      (again && !again.disabled ? again : this.ui.stage).focus();
    }
  }

  private onScript(): boolean {
    return this.session.history.every((m, i) => sameMove(m, this.s.script[i]));
  }

  /** Break levels: moves against par and the outcome after every move (the panel records a win). */
  private levelNotes(): string[] {
    if (this.s.level?.kind !== 'break' || !this.level) return [];
    const spin = this.spin ? spinCode(this.spin) : undefined;
    return this.level.update(outcomeOf(this.s, this.run), this.session.history.length, this.shared, spin);
  }

  /** Restarts the run in another spin environment (GOMAXPROCS, idle Ps). */
  private setSpin(c: SpinChoice): void {
    if (!offersSpin(this.base, c)) return;
    this.spin = c;
    this.s = withSpin(this.base, c);
    this.shared = false;
    this.go(startSession(this.s), spinText(this.t, c));
  }

  /** Predict levels: only the first answer counts (and is recorded); any answer shows the state. */
  private checkPrediction(value: number): { right: boolean; counted: boolean } {
    const truth = predictedValue(this.s, replayMoves(this.s, this.s.script).state);
    const right = truth === value;
    const counted = !this.answered;
    if (counted) recordAnswer(this.s.id, right);
    this.answered = true;
    this.conceal();
    if (right) this.showScript();
    else this.render(null);
    return { right, counted };
  }

  /** Reveal: shows the steps and the state; an open attempt ends, recorded as not solved. */
  private reveal(): boolean {
    const ended = this.s.level?.kind === 'predict' && !this.answered;
    if (ended) recordAnswer(this.s.id, false);
    this.answered = true;
    this.conceal();
    this.showScript();
    return ended;
  }

  private showScript(): void {
    this.go(seek(startSession(this.s), this.s.script.length), undefined);
  }

  private async share(): Promise<void> {
    const step = this.session.history.length;
    const frag = encodeShare(this.s.id, step, this.onScript() ? null : this.session.history, this.spin);
    await copyShareLink(frag, step, this.ui.bar.shareStatus, this.t);
  }

  /** Restores `#viz=<id>@<step>[~moves]` if it names this scenario; returns whether it did. */
  private restoreShared(): boolean {
    const target = decodeShare(location.hash);
    if (!target || target.id !== this.s.id) return false;
    const spin = target.spin && offersSpin(this.base, target.spin) ? target.spin : defaultSpin(this.base);
    const session = sessionFromShare(withSpin(this.base, spin), target);
    if (!session) return false; // a link from an older version of the scenario: start fresh
    this.spin = spin;
    this.s = withSpin(this.base, spin);
    this.shared = true;
    this.session = session;
    this.run = replayMoves(this.s, session.history);
    requestAnimationFrame(() => {
      this.scrollIntoView({ block: 'start' });
      this.ui.stage.focus({ preventScroll: true });
    });
    this.render(null);
    return true;
  }
}

if (!customElements.get('lockstep-visualizer'))
  customElements.define('lockstep-visualizer', LockstepVisualizer);
