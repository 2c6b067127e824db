// `--script-timeout`, shared by `simulate` and `test`: how long one script may run before it is stopped.
import { MAX_SCRIPT_TIMEOUT_MS, scriptTimeoutMs } from '../runtime/clock';
import { UsageError } from './command';

export const scriptTimeoutHelp = `  --script-timeout DURATION
                      how long one script may run before it is stopped: seconds (2) or "500ms", "1m"; over
                      periscope.json's "engine": {"scriptTimeout": ...}; default 10 s
`;

/** The option's value in ms; a UsageError says what it takes. */
export function readScriptTimeout(value: string): number {
  const ms = scriptTimeoutMs(value);
  if (ms === undefined) throw new UsageError(`--script-timeout takes seconds (2) or a duration ("500ms", "1m") of 1 ms to ${MAX_SCRIPT_TIMEOUT_MS / 60_000} minutes, not ${value}`);
  return ms;
}
