// Host calls that record each system.* call in the trace, unless its simulation already said what it did.
import type { Json } from '../../engine/types';
import type { HostCalls } from './types';

export const callRecordingCalls: HostCalls = {
  /** The trace's last seq when a system.* function starts. */
  'system.enter': (parts) => parts.trace.lastSeq,
  /** A `call` event when nothing was traced since `system.enter` (date arithmetic, JSON, datasets...). */
  'system.called': (parts, [name, before, args, kwargs, result]) => {
    if (parts.trace.lastSeq !== before) return null;
    const keywords = kwargs !== null && typeof kwargs === 'object' && !Array.isArray(kwargs) && Object.keys(kwargs).length > 0 ? { kwargs } : {};
    parts.trace.add({
      kind: 'call', session: parts.scripts.current?.session?.id ?? null, page: parts.scripts.current?.page?.id,
      function: String(name), args: (args ?? []) as Json, ...keywords, result: (result ?? null) as Json,
    });
    return null;
  },
};
