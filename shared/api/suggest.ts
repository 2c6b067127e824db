// Finds the name a person most likely meant, for "did you mean" hints.

/** Levenshtein distance where a change of letter case costs nothing, so `getlogger` matches `getLogger` first. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length];
}

/**
 * The candidate closest to `name`, or undefined when none is close enough to be a plausible typo
 * (at most a third of the name's length, and at least 2 edits allowed) or a plausible shortening.
 */
export function nearestName(name: string, names: Iterable<string>): string | undefined {
  const candidates = [...names];
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    // Ties go to the alphabetically first name, so the hint never depends on table order.
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // A shortened name, too far for edit distance (`closeIcon` for `showCloseIcon`), when only one candidate contains it.
  const lower = name.toLowerCase();
  if (lower.length < 4) return undefined;
  const containing = candidates.filter((candidate) => candidate.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : undefined;
}
