// One file as the language features see it: its text, its scripts, its unit, and what is under an offset.
import type { TargetVersion } from '../lint/rule';
import type { Script } from '../source/script';
import { codeContext, type CodeContext } from './code-context';
import { scriptAt } from './script-at';
import type { Unit, Workspace } from './workspace';

export interface FileView {
  workspace: Workspace;
  unit: Unit;
  file: string;
  text: string;
  scripts: Script[];
  target: TargetVersion;
}

/** An offset of the file inside one of its scripts. */
export interface ScriptPoint {
  script: Script;
  /** Offset in the script's text. */
  offset: number;
  context: CodeContext;
}

/** A range of the file, in offsets, with the text to put there. */
export interface FileEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A place in some file of the workspace. */
export interface FileLocation {
  file: string;
  start: number;
  end: number;
}

export function pointAt(view: FileView, fileOffset: number): ScriptPoint | undefined {
  const at = scriptAt(view.scripts, fileOffset);
  if (!at) return undefined;
  return { ...at, context: codeContext(at.script.text, at.offset) };
}

/** A range of a script's text as a range of its file. */
export function fileRange(script: Script, start: number, end: number): { start: number; end: number } {
  return { start: script.origin.originOffset(start), end: script.origin.originOffset(end) };
}

/** The whole content of the string literal the point is in, and its range in the script's text. */
export function stringAtPoint(point: ScriptPoint): { value: string; start: number; end: number } | undefined {
  const string = point.context.string;
  if (!string) return undefined;
  const text = point.script.text;
  let end = point.offset;
  while (end < text.length && !text.startsWith(string.quote, end) && text[end] !== '\n') end++;
  return { value: text.slice(string.contentStart, end), start: string.contentStart, end };
}
