// Preact hooks over the panel's link and store: redraw when they change (the store batches per frame).
import { useEffect, useState } from 'preact/hooks';

/** Redraws the component whenever `subscribe`'s source reports a change. */
export function useChanges(subscribe: ((listener: () => void) => () => void) | undefined): void {
  const [, setTick] = useState(0);
  useEffect(() => (subscribe ? subscribe(() => setTick((n) => n + 1)) : undefined), [subscribe]);
}

/** A request's progress as a form shows it: the last error or success message. */
export interface Outcome {
  busy: boolean;
  error?: string;
  done?: string;
}

/** Runs an inspector request for a form, keeping its outcome for display. */
export function useRequest(): [Outcome, (run: () => Promise<string | undefined>) => Promise<void>] {
  const [outcome, setOutcome] = useState<Outcome>({ busy: false });
  const run = async (work: () => Promise<string | undefined>) => {
    setOutcome({ busy: true });
    try {
      const done = await work();
      setOutcome({ busy: false, done });
    } catch (error) {
      setOutcome({ busy: false, error: (error as Error).message });
    }
  };
  return [outcome, run];
}
