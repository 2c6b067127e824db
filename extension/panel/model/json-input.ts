// What a person types as a value in the panel: JSON, checked before anything is sent, with a message that says
// what is wrong and how to write it instead.
import type { Json } from '../../../shared/engine/types';
import { checkData } from '../../../shared/inspector/frames';

export type Parsed = { ok: true; value: Json } | { ok: false; message: string };

export function parseJsonInput(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'type a JSON value: 42, true, null, "text", [1, 2] or {"key": "value"}' };
  let value: Json;
  try {
    value = JSON.parse(trimmed) as Json;
  } catch (error) {
    const hint = /^[A-Za-z_][\w ]*$/.test(trimmed) ? ` (text needs quotes: "${trimmed}")` : '';
    return { ok: false, message: `not JSON: ${(error as Error).message}${hint}` };
  }
  const problem = checkData(value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

/** Like parseJsonInput, for a message payload, which Perspective requires to be an object (a dict). */
export function parsePayloadInput(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: {} };
  const parsed = parseJsonInput(text);
  if (parsed.ok && (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))) {
    return { ok: false, message: 'a message payload is a JSON object, such as {"name": "theme", "value": "dark"}' };
  }
  return parsed;
}
