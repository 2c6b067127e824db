// The one door through which people drive a live runtime: each step runs after the previous one and everything
// it queued has finished, exactly as `periscope test` replays a scenario, and the steps that took effect are kept
// so that exportScenario can write them out as a scenario file whose expectations hold on replay.
import { basename } from 'node:path';
import { writeJson } from '../engine/json-text';
import type { Json } from '../engine/types';
import type { SessionDriver } from '../runtime/driver';
import { performStep, type ActionStep } from '../runtime/run-scenario';
import { stepToJson, type UnnumberedStep } from '../runtime/scenario';

/** A step a person takes live: any scenario step but the expectations. */
export type LiveStep = Exclude<UnnumberedStep, { kind: 'expect' | 'expect_trace' }>;

export interface RecordingOrigin {
  /** The scripts the runtime runs (a document, a .py file or a project folder), absolute. */
  source: string;
  /** The fixtures file, when one was named explicitly. */
  fixtures?: string;
}

export class Recorder {
  private readonly steps: LiveStep[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private limit = Infinity;
  /** Steps dropped from the start of the recording by `retain`: an export can no longer replay from the start. */
  dropped = 0;

  constructor(
    private readonly runtime: SessionDriver,
    private readonly origin: RecordingOrigin,
  ) {}

  /** Performs a step after every step before it; returns why it could not be performed, if it could not. */
  perform(step: LiveStep): Promise<string | undefined> {
    const run = this.tail.then(() => this.run(step));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** How many steps took effect so far. */
  get count(): number {
    return this.dropped + this.steps.length;
  }

  private async run(step: LiveStep): Promise<string | undefined> {
    // A step on the page that is already the session's last needs no page of its own in the file.
    const last = this.runtime.session(step.session)?.lastPage?.id;
    const recorded = (step.page !== undefined && step.page === last ? { ...step, page: undefined } : step) as LiveStep;
    const problem = await performStep(this.runtime, { ...recorded, index: this.steps.length + 1 } as ActionStep);
    await this.runtime.settle();
    if (!problem) this.keep(recorded);
    return problem;
  }

  /** Keeps at least the `limit` most recent steps from now on; older ones are dropped, a tenth at a time. */
  retain(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.trim(this.limit);
  }

  /** Advances in a row are one advance in the file (a clock that follows real time advances every second). */
  private keep(step: LiveStep): void {
    const last = this.steps[this.steps.length - 1];
    if (step.kind === 'advance' && last?.kind === 'advance' && last.session === step.session) {
      this.steps[this.steps.length - 1] = { ...last, ms: last.ms + step.ms };
      return;
    }
    this.steps.push(step);
    this.trim(this.limit + Math.max(1, Math.floor(this.limit / 10)));
  }

  private trim(above: number): void {
    if (this.steps.length < above) return;
    const over = this.steps.length - this.limit;
    this.steps.splice(0, over);
    this.dropped += over;
  }

  /** The steps so far and, for each session they touched, expectations of its state now. */
  exportScenario(name = 'recorded session'): { fileName: string; text: string; steps: number } {
    const sessions = [...new Set(this.steps.map((s) => s.session))];
    const expectations = sessions.flatMap((id) => {
      const session = this.runtime.session(id);
      if (!session) return [];
      const values: { [path: string]: Json } = { closed: session.closed, user: session.user?.username ?? null };
      // A key a property path cannot spell (`a.b`) is left out rather than misread on replay.
      for (const [key, value] of Object.entries(session.custom)) if (!/[.[\]]/.test(key)) values[`custom.${key}`] = value;
      if (session.lastPage) values['page.path'] = session.lastPage.path;
      return [{ expect: values, session: id }];
    });
    const scenario = {
      name,
      source: this.origin.source,
      ...(this.origin.fixtures ? { fixtures: this.origin.fixtures } : {}),
      steps: [...this.steps.map((s) => stepToJson(s)), ...expectations],
    };
    // Steps and their fields one to a line; the values in them on one line each, however deep a project's data is.
    const stem = basename(this.origin.source).replace(/\.[^.]+$/, '') || 'session';
    return { fileName: `${stem}.recorded.scenario.json`, text: `${writeJson(scenario, { indent: 2, flatFrom: 4 })}\n`, steps: this.steps.length };
  }
}
