// Host calls that record each system.* call in the trace, unless its simulation already said what it did.
import type { Json } from '../../engine/types';
import type { HostCalls } from './types';

export const callRecordingCalls: HostCalls = {
  /** The trace's length when a system.* function starts. */
  'system.enter': (runtime) => runtime.trace.events.length,
  /** A `call` event when nothing was traced since `system.enter` (date arithmetic, JSON, datasets...). */
  'system.called': (runtime, [name, before, args, kwargs, result]) => {
    if (runtime.trace.events.length !== before) return null;
    const keywords = kwargs !== null && typeof kwargs === 'object' && !Array.isArray(kwargs) && Object.keys(kwargs).length > 0 ? { kwargs } : {};
    runtime.event({
      kind: 'call', session: runtime.current?.session?.id ?? null, page: runtime.current?.page?.id,
      function: String(name), args: (args ?? []) as Json, ...keywords, result: (result ?? null) as Json,
    });
    return null;
  },
};
