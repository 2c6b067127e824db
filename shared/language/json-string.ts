// Reads the content of a JSON string as written in a file and writes a new value back in the file's own style:
// lines the person did not change keep their bytes exactly (escapes, `\u003c`-style designer escapes and line
// endings included); changed lines are escaped the way the file already escapes.

/** How a file escapes characters in its strings, learned from the file itself. */
export interface EscapeStyle {
  /** The Designer (Gson) writes `< > & = '` as `\u003c \u003e \u0026 \u003d \u0027`. */
  designer: boolean;
  /** Writes `/` as `\/`. */
  slash: boolean;
  /** Writes characters beyond ASCII as `\uXXXX`. */
  nonAscii: boolean;
  upperHex: boolean;
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const DESIGNER = new Set(['<', '>', '&', '=', "'"]);

export function escapeStyle(fileText: string): EscapeStyle {
  const unicode = [...fileText.matchAll(/\\u([0-9a-fA-F]{4})/g)].map((m) => m[1]);
  return {
    designer: unicode.some((hex) => DESIGNER.has(String.fromCharCode(parseInt(hex, 16)))),
    slash: fileText.includes('\\/'),
    nonAscii: unicode.some((hex) => parseInt(hex, 16) > 0x7e) && !/[^\x00-\x7e]/.test(fileText),
    upperHex: unicode.some((hex) => /[A-F]/.test(hex)) && !unicode.some((hex) => /[a-f]/.test(hex)),
  };
}

/** Decoded characters of a string's raw content, and where each starts in the raw text (one more for the end). */
function scan(raw: string): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  let i = 0;
  while (i < raw.length) {
    starts.push(i);
    if (raw[i] !== '\\') {
      text += raw[i++];
    } else if (raw[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      text += SIMPLE[raw[i + 1]] ?? raw[i + 1] ?? '';
      i += 2;
    }
  }
  starts.push(raw.length);
  return { text, starts };
}

/** The value of a JSON string from its raw content (between the quotes). */
export function decodeJsonContent(raw: string): string {
  return scan(raw).text;
}

function hex4(code: number, upper: boolean): string {
  const hex = code.toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
}

/** One character as the file would write it. */
function encodeChar(c: string, style: EscapeStyle): string {
  switch (c) {
    case '"': return '\\"';
    case '\\': return '\\\\';
    case '\n': return '\\n';
    case '\r': return '\\r';
    case '\t': return '\\t';
    case '\b': return '\\b';
    case '\f': return '\\f';
    case '/': return style.slash ? '\\/' : '/';
  }
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x2028 || code === 0x2029) return hex4(code, style.upperHex);
  if (style.designer && DESIGNER.has(c)) return hex4(code, style.upperHex);
  if (style.nonAscii && code > 0x7e) return hex4(code, style.upperHex);
  return c;
}

export function encodeJsonContent(text: string, style: EscapeStyle): string {
  let out = '';
  // UTF-16 units, as JSON's \uXXXX escapes count them: the two halves of a pair stay side by side.
  for (let k = 0; k < text.length; k++) out += encodeChar(text[k], style);
  return out;
}

interface Line {
  /** Content without its line ending. */
  content: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '' && m.index >= text.length) break;
    lines.push({ content: m[1], eol: m[2] });
    if (m[2] === '') break;
  }
  return lines;
}

/** Pairs of equal lines (by content) between old and new, in order: a longest common subsequence of the middle. */
function matchLines(a: readonly Line[], b: readonly Line[]): Array<[number, number]> {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix].content === b[prefix].content) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix].content === b[b.length - 1 - suffix].content) suffix++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < prefix; i++) pairs.push([i, i]);
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  // A large rewrite of the middle is written afresh rather than diffed line by line.
  if (n > 0 && m > 0 && n * m <= 4_000_000) {
    const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i][j] = a[prefix + i].content === b[prefix + j].content ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
      }
    }
    for (let i = 0, j = 0; i < n && j < m;) {
      if (a[prefix + i].content === b[prefix + j].content) pairs.push([prefix + i++, prefix + j++]);
      else if (table[i + 1][j] >= table[i][j + 1]) i++;
      else j++;
    }
  }
  for (let k = suffix; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/**
 * The raw content that holds `text`, written over `raw`: every line whose content is unchanged keeps its raw bytes
 * and its line ending; new lines take the escapes of `style` and the line ending of the line before them.
 */
export function rewriteJsonContent(raw: string, text: string, style: EscapeStyle): string {
  const { text: old, starts } = scan(raw);
  if (old === text) return raw;
  const oldLines = splitLines(old);
  const newLines = splitLines(text);
  // Raw slices of each old line's content and line ending.
  const rawLines: Array<{ content: string; eol: string }> = [];
  let at = 0;
  for (const line of oldLines) {
    const contentEnd = at + line.content.length;
    const eolEnd = contentEnd + line.eol.length;
    rawLines.push({ content: raw.slice(starts[at], starts[contentEnd]), eol: raw.slice(starts[contentEnd], starts[eolEnd]) });
    at = eolEnd;
  }
  const matched = new Map(matchLines(oldLines, newLines).map(([i, j]) => [j, i]));
  const defaultEol = oldLines.find((l) => l.eol !== '')?.eol ?? '\n';
  let previousEol = defaultEol;
  let out = '';
  newLines.forEach((line, j) => {
    const i = matched.get(j);
    if (i !== undefined) {
      out += rawLines[i].content;
      if (line.eol !== '') out += oldLines[i].eol !== '' ? rawLines[i].eol : encodeJsonContent(previousEol, style);
      if (oldLines[i].eol !== '') previousEol = oldLines[i].eol;
    } else {
      out += encodeJsonContent(line.content, style);
      // The editor may have normalised line endings: a new line ends the way its neighbours do in the file.
      if (line.eol !== '') out += encodeJsonContent(previousEol, style);
    }
  });
  return out;
}
