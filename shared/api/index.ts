// The `system.*` API table and its lookups, shared by the linter, the language server and the runtime.
import { alarm } from './alarm';
import { dataset } from './dataset';
import { date } from './date';
import { db } from './db';
import { file } from './file';
import { gui } from './gui';
import { nav } from './nav';
import { net } from './net';
import { perspective } from './perspective';
import { security } from './security';
import { tag } from './tag';
import type { ApiFunction, ApiModule, IgnitionVersion } from './types';
import { util } from './util';

export type * from './types';
export { bindArguments, type BindOptions, type BindProblem, type BindResult, type BoundArgument } from './bind';
export { describeFunction, signatureLabel } from './describe';
export { formatSignature, parseSignature, SignatureError } from './signature';
export { nearestName } from './suggest';

export const modules: readonly ApiModule[] = [perspective, util, db, tag, alarm, date, dataset, security, net, file, gui, nav];

/**
 * Modules Ignition or its standard modules provide whose functions are not in the table: references into them are
 * neither confirmed nor reported.
 */
export const untabulatedModules: ReadonlySet<string> = new Set([
  'system.bacnet', 'system.device', 'system.dnp3', 'system.eam', 'system.historian', 'system.iec61850', 'system.kanoa',
  'system.modbus', 'system.mongodb', 'system.opc', 'system.opcua', 'system.print', 'system.project', 'system.report',
  'system.roster', 'system.secsgem', 'system.serial', 'system.sfc', 'system.twilio', 'system.user', 'system.vision',
]);

const moduleByName = new Map(modules.map((module) => [module.name, module]));
const functionByName = new Map(modules.flatMap((module) => module.functions.map((fn) => [fn.name, fn] as const)));

/** The function with this qualified name (`system.perspective.navigate`), in any version. */
export function findFunction(qualifiedName: string): ApiFunction | undefined {
  return functionByName.get(qualifiedName);
}

/** The tabulated module with this qualified name (`system.date`). */
export function findModule(qualifiedName: string): ApiModule | undefined {
  return moduleByName.get(qualifiedName);
}

/** The functions of a module, in table order; empty for a module the table does not hold. */
export function listModule(qualifiedName: string): readonly ApiFunction[] {
  return moduleByName.get(qualifiedName)?.functions ?? [];
}

/** True when a Vision client or the designer is the only place it runs: in Perspective's gateway scope it is missing. */
export function isVisionOnly(fn: ApiFunction): boolean {
  return !fn.scopes.includes('gateway') && !fn.scopes.includes('perspective');
}

/** True when the function exists in that version. */
export function existsIn(fn: ApiFunction, version: IgnitionVersion): boolean {
  return fn.since === undefined || fn.since <= version;
}

/** True when the function is deprecated in that version or an earlier one. */
export function isDeprecatedIn(fn: ApiFunction, version: IgnitionVersion): boolean {
  return fn.deprecated !== undefined && fn.deprecated.since <= version;
}
