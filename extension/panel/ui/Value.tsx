// One JSON value drawn as devtools draw values: strings quoted, numbers, booleans and null in their colours,
// objects and arrays as a short preview, data not yet loaded as its size.
import type { Json } from '../../../shared/engine/types';
import { isStub } from '../../../shared/inspector/protocol';
import { brief } from '../../../shared/runtime/format-text';

export function Value({ value, max = 80 }: { value: Json | undefined; max?: number }) {
  if (value === undefined) return <span class="v-none">(none)</span>;
  if (value === null) return <span class="v-null">null</span>;
  if (typeof value === 'string') return <span class="v-string">"{value.length > max ? `${value.slice(0, max)}…` : value}"</span>;
  if (typeof value === 'number') return <span class="v-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="v-bool">{String(value)}</span>;
  if (isStub(value)) return <span class="v-more">{value.$more.kind === 'array' ? `Array(${value.$more.size})` : `{…} ${value.$more.size} keys`}, not loaded</span>;
  if (Array.isArray(value)) return <span class="v-preview">Array({value.length}) {brief(value, max)}</span>;
  return <span class="v-preview">{brief(value, max)}</span>;
}

/** Copies text to the clipboard; a devtools panel may be refused the async API, so the old way is the fallback. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
