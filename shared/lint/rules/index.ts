// The registry of lint rules: a rule runs, and appears in `periscope rules` and docs/rules.md, exactly when listed here.
import type { Rule } from '../rule';

export const rules: Rule[] = [
];
