// What a project says about a reference to a view it does not hold: a warning at each reference, or, when a parent
// project missing from the export could hold the view, one note per view path (as for the parent's library names).
import type { LoadProblem } from '../source/script';

export interface MissingViewFinding {
  severity: LoadProblem['severity'];
  message: string;
}

export class MissingViews {
  private readonly noted = new Set<string>();

  /** `has`: whether the project or a parent the export holds has the view; `missingParent`: a parent it does not hold. */
  constructor(private readonly has: (path: string) => boolean, private readonly missingParent?: string) {}

  /** The finding for `what` (`page "/" shows`, `the component root/Legend embeds`) naming `path`, if any. */
  check(what: string, path: string): MissingViewFinding | undefined {
    if (this.has(path)) return undefined;
    if (!this.missingParent) {
      return { severity: 'warning', message: `${what} the view "${path}", which is not in the project; create it or correct the path (a gateway shows an error there)` };
    }
    if (this.noted.has(path)) return undefined;
    this.noted.add(path);
    return {
      severity: 'info',
      message: `${what} the view "${path}", which is not in this project; it may be a view of the parent project ${this.missingParent}, which is not in the export (a gateway shows an error there if the parent does not hold it either)`,
    };
  }
}
