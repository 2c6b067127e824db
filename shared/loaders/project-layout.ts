// What a project's folders say about it: the Ignition version its layout is written for, and the folders holding
// Jython that no loader reads (so that a clean lint is not taken for a clean project).
import { readdirSync, type Dirent } from 'node:fs';
import type { LoadProblem } from '../source/script';
import { EVENT_SCRIPTS_FILE, GATEWAY_EVENTS } from './project-gateway-events';
import type { ProjectReader } from './project-files';
import { PERSPECTIVE_FOLDER, SESSION_SCRIPTS_FOLDER } from './project-session-scripts-81';
import { SESSION_EVENT_FOLDERS } from './project-session-scripts-83';

/**
 * 8.1 keeps Session Events in `session-scripts/data.bin` and Gateway Events in `event-scripts/data.bin`; 8.3 keeps
 * each event in a folder of its own (`com.inductiveautomation.perspective/startup/`, `ignition/timer/<name>/`).
 * A project with neither (a library-only parent) does not say.
 */
export function layoutVersion(reader: ProjectReader): '8.1' | '8.3' | undefined {
  if (reader.exists(reader.path(SESSION_SCRIPTS_FOLDER, 'data.bin')) || reader.exists(reader.path(EVENT_SCRIPTS_FILE))) return '8.1';
  const perspective = reader.list(reader.path(PERSPECTIVE_FOLDER));
  if (perspective.some((e) => e.isDirectory() && SESSION_EVENT_FOLDERS.includes(e.name))) return '8.3';
  if (reader.list(reader.path(SESSION_SCRIPTS_FOLDER)).some((e) => e.isDirectory())) return '8.3';
  if (GATEWAY_EVENTS.some((k) => reader.isDirectory(reader.path('ignition', k.folder)))) return '8.3';
  return undefined;
}

/** Resource types known to hold Jython Periscope does not read, and where their scripts run. */
const UNREAD: ReadonlyArray<{ folder: string; what: string }> = [
  { folder: 'com.inductiveautomation.vision/windows', what: 'Vision windows (component scripts, Vision client scope)' },
  { folder: 'com.inductiveautomation.vision/templates', what: 'Vision templates (component scripts, Vision client scope)' },
  { folder: 'com.inductiveautomation.vision/client-event-scripts', what: 'Vision client event scripts (Vision client scope)' },
  { folder: 'com.inductiveautomation.sfc/charts', what: 'SFC charts (step scripts, gateway scope)' },
];

/** Folders of JSON resources (read by their loaders) and of tools, not searched for stray `.py` files. */
const SKIPPED = /^(node_modules|com\.inductiveautomation\.perspective\/(views|style-classes)|ignition\/named-query)(\/|$)/;

/** Folders under a project root whose `.py` files loaders read. */
const READ_PY = new RegExp(`^(ignition/script-python|com\\.inductiveautomation\\.webdev/resources|ignition/(${GATEWAY_EVENTS.map((k) => k.folder).join('|')})|${PERSPECTIVE_FOLDER.replace(/\./g, '\\.')}/(session-scripts|${SESSION_EVENT_FOLDERS.join('|')}))(/|$)`);

/**
 * One note per folder that holds Jython no loader read: the known resource types above, and `.py` files
 * anywhere else in the project.
 */
export function unreadScriptNotes(reader: ProjectReader): LoadProblem[] {
  const notes: LoadProblem[] = [];
  const note = (folder: string, message: string): void => {
    notes.push({ file: reader.path(folder), position: { line: 1, column: 1 }, severity: 'info', message, rule: 'unread-scripts' });
  };
  for (const { folder, what } of UNREAD) {
    let resources = 0;
    walkQuietly(reader.path(folder), '', (_path, entries) => {
      if (entries.some((e) => e.isFile() && e.name === 'resource.json')) resources++;
    });
    if (resources > 0) note(folder, `${resources} ${resources === 1 ? 'resource' : 'resources'} of ${what}, which Periscope neither lints nor runs`);
  }
  const stray = new Map<string, number>();
  walkQuietly(reader.root, '', (path, entries) => {
    if (/(^|\/)\./.test(path) || SKIPPED.test(path) || READ_PY.test(path) || UNREAD.some((u) => path.startsWith(u.folder))) return false;
    const py = entries.filter((e) => e.isFile() && e.name.endsWith('.py')).length;
    if (py > 0) stray.set(path, py);
  });
  for (const [path, count] of stray) {
    note(path === '' ? '.' : path, `${count} Python ${count === 1 ? 'file' : 'files'} in a folder no Ignition resource type Periscope knows reads; ${count === 1 ? 'it is' : 'they are'} neither linted nor run`);
  }
  return notes;
}

/**
 * Visits `folder` and the folders under it without following links or reporting anything: the loaders report
 * what their own folders hold; this only counts files.
 */
function walkQuietly(folder: string, path: string, visit: (path: string, entries: Dirent[]) => void | false): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  if (visit(path, entries) === false) return;
  for (const entry of entries) {
    if (entry.isDirectory()) walkQuietly(`${folder}/${entry.name}`, path === '' ? entry.name : `${path}/${entry.name}`, visit);
  }
}
