// Document URIs and file paths: `file:` URIs for files, `periscope-embedded:` for the Python documents of scripts
// stored in JSON strings (their path is the JSON file's path, the script's location, `.py`).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseEmbeddedPath } from '../language/embedded-script';

export const EMBEDDED_SCHEME = 'periscope-embedded';

export function uriToPath(uri: string): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  if (uri.startsWith(`${EMBEDDED_SCHEME}:`)) return decodeURIComponent(uri.slice(EMBEDDED_SCHEME.length + 1).replace(/^\/\/[^/]*/, ''));
  return undefined;
}

export function pathToUri(path: string): string {
  if (parseEmbeddedPath(path)) return `${EMBEDDED_SCHEME}:${pathToFileURL(path).pathname}`;
  return pathToFileURL(path).href;
}
