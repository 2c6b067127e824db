// An error Periscope did not expect is a bug in Periscope, not a finding: one line naming it, the stack kept for the report.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorSummary, type InternalFailure } from '../runtime/internal-failures';
import type { CliIo } from './command';

/** The exit code of an internal error, apart from 1 (findings) and 2 (bad usage or input), so CI can tell them apart. */
export const INTERNAL_ERROR_EXIT = 3;

/** A run that went to its end, its output printed, but hit failures of the runtime itself: the command exits 3. */
export class RunInternalFailures extends Error {
  constructor(readonly failures: readonly InternalFailure[]) {
    const count = failures.length === 1 ? 'an internal error' : `${failures.length} internal errors`;
    super(`the run hit ${count}, the first at trace event ${failures[0].seq}: ${errorSummary(failures[0].error)}`);
  }
}

/**
 * Prints one line saying the error is a bug in Periscope and where its details are: a crash report beside the
 * system's temporary files (the stack, the command line, the versions), and the stack itself with `--debug`.
 */
export function reportInternalError(error: unknown, command: string, argv: readonly string[], debug: boolean, io: CliIo): number {
  const summary = error instanceof RunInternalFailures ? error.message : errorSummary(error);
  const stack = error instanceof RunInternalFailures ? error.failures.map(failureStack).join('\n\n') : stackOf(error);
  if (debug) io.stderr(`${stack}\n`);
  const report = writeCrashReport(stack, argv);
  const details = [report ? `details in ${report}` : '', debug ? '' : 'run again with --debug to print the stack'].filter(Boolean).join('; ');
  io.stderr(`periscope ${command}: internal error (a bug in Periscope, not in your files): ${summary}${details ? `. ${details[0].toUpperCase()}${details.slice(1)}.` : ''}\n`);
  return INTERNAL_ERROR_EXIT;
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : errorSummary(error);
}

function failureStack(failure: InternalFailure): string {
  return `trace event ${failure.seq}${failure.session ? ` (session ${failure.session})` : ''}:\n${stackOf(failure.error)}`;
}

/** The crash report's path, or undefined when it cannot be written (a read-only temp folder must not hide the error). */
function writeCrashReport(stack: string, argv: readonly string[]): string | undefined {
  const file = join(tmpdir(), `periscope-crash-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
  const text = [
    `periscope ${argv.join(' ')}`,
    `node ${process.version} on ${process.platform} ${process.arch}`,
    `working folder ${process.cwd()}`,
    '',
    stack,
    '',
  ].join('\n');
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return file;
  } catch {
    return undefined;
  }
}
