// The registry of lint rules: a rule runs, and appears in `periscope rules` and docs/rules.md, exactly when listed here.
import type { Rule } from '../rule';
import { syntaxError } from './syntax-error';
import { py3Only } from './py3-only';
import { noSuchSessionAttr } from './no-such-session-attr';
import { pageCallWithoutPage } from './page-call-without-page';
import { unreachableSessionHandler } from './unreachable-session-handler';
import { notASessionEvent } from './not-a-session-event';
import { substringAuthorization } from './substring-authorization';
import { rolesMayBeNone } from './roles-may-be-none';
import { bareExceptSwallows } from './bare-except-swallows';
import { handlerSignature } from './handler-signature';
import { undefinedName } from './undefined-name';
import { unknownSystemFunction } from './unknown-system-function';
import { badArguments } from './bad-arguments';
import { deprecatedApi } from './deprecated-api';
import { visionOnlyApi } from './vision-only-api';
import { pyodideDiffers } from './pyodide-differs';
import { hostAccess } from './host-access';

export const rules: Rule[] = [
  syntaxError,
  py3Only,
  noSuchSessionAttr,
  pageCallWithoutPage,
  unreachableSessionHandler,
  notASessionEvent,
  substringAuthorization,
  rolesMayBeNone,
  bareExceptSwallows,
  handlerSignature,
  undefinedName,
  unknownSystemFunction,
  badArguments,
  deprecatedApi,
  visionOnlyApi,
  pyodideDiffers,
  hostAccess,
];

/** The rule with this id, if registered. */
export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
