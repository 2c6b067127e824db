// The `sarif` output of `periscope lint`: SARIF 2.1.0, as code-scanning services read it.
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../../source/origin';
import type { RuleDoc, Severity } from '../rule';
import type { Diagnostic, DiagnosticFix } from '../diagnostic';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The base every relative URI is resolved against: the folder `periscope lint` ran in. */
export const SOURCE_ROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/**
 * `diagnostics` name files relative to `cwd` when inside it (as the text output does) and absolutely otherwise;
 * `texts` holds each file's linted text, to give fixes the line and column of every replaced region.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], rules: readonly RuleDoc[], cwd: string, texts: ReadonlyMap<string, string> = new Map()): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const lines = new Map<string, LineIndex>();
  const linesOf = (file: string): LineIndex | undefined => {
    const text = texts.get(file);
    if (text === undefined) return undefined;
    let found = lines.get(file);
    if (!found) lines.set(file, (found = new LineIndex(text)));
    return found;
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'periscope',
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            fullDescription: { text: r.summary },
            help: { text: r.doc, markdown: r.doc },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(cwd) } },
      columnKind: 'utf16CodeUnits',
      results: diagnostics.map((d) => {
        const location = artifactLocation(d.file);
        const fix = d.fix && fixOf(d.fix, location, linesOf(d.file));
        return {
          ruleId: d.rule,
          ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) } : {}),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [{
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          }],
          ...(fix ? { fixes: [fix] } : {}),
        };
      }),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A fix as SARIF's artifact change: each edit a replacement of a line-and-column region. */
function fixOf(fix: DiagnosticFix, location: ArtifactLocation, lines: LineIndex | undefined) {
  if (!lines) return undefined;
  return {
    description: { text: fix.description },
    artifactChanges: [{
      artifactLocation: location,
      replacements: fix.edits.map((edit) => {
        const start = lines.position(edit.start);
        const end = lines.position(edit.end);
        return {
          deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
          insertedContent: { text: edit.text },
        };
      }),
    }],
  };
}

/** A file inside `cwd` relative to %SRCROOT%; one outside it as an absolute file URI. */
function artifactLocation(file: string): ArtifactLocation {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(sep).map(encodePathSegment).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(resolve(folder)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * One path segment as RFC 3986 allows it in a relative reference: unreserved characters, sub-delimiters and `@`
 * as they are, every other byte of its UTF-8 percent-encoded (`#` and `?` would end the path, `%` would start an
 * escape, and `:` in a first segment would read as a scheme).
 */
export function encodePathSegment(segment: string): string {
  let out = '';
  for (const byte of Buffer.from(segment, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~!$&'()*+,;=@]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
