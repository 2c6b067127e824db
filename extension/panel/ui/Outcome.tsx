// The line under a form that says what its last request did, or why it was refused.
import type { Outcome } from './hooks';

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (outcome.busy) return <div class="outcome busy">working…</div>;
  if (outcome.error) return <div class="outcome error" role="alert">{outcome.error}</div>;
  if (outcome.done) return <div class="outcome ok" role="status">{outcome.done}</div>;
  return null;
}
