// Reads test/fidelity/known-differences.md: under a `## <engine>` heading, one list item per case that engine
// still runs differently, with the reason: "- `family/name`: why".
import { readFileSync } from 'node:fs';

export interface KnownDifference {
  engine: string;
  caseId: string;
  reason: string;
  line: number;
}

export const knownDifferencesFile = 'test/fidelity/known-differences.md';

export function readKnownDifferences(file = knownDifferencesFile): KnownDifference[] {
  const found: KnownDifference[] = [];
  let engine: string | undefined;
  readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
    const heading = /^## (\S+)\s*$/.exec(text);
    if (heading) {
      engine = heading[1];
      return;
    }
    if (!text.startsWith('- `')) return;
    const item = /^- `([^`]+)`: (.*\S.*)$/.exec(text);
    if (!item || !engine || item[2].trim().length < 10) {
      throw new Error(`${file}:${i + 1}: write each known difference as "- \`family/name\`: the reason" under a "## <engine>" heading`);
    }
    found.push({ engine, caseId: item[1], reason: item[2].trim(), line: i + 1 });
  });
  return found;
}
