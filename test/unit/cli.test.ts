import { strict as assert } from 'node:assert';
import { main } from '../../shared/cli/main';
import type { CliIo } from '../../shared/cli/command';

export function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '', err: '', isTTY: false, cwd: process.cwd(),
    stdout(text: string) { io.out += text; },
    stderr(text: string) { io.err += text; },
  };
  return io;
}

describe('the periscope command', () => {
  it('prints its commands with --help and exits 0', async () => {
    const io = captureIo();
    assert.equal(await main(['--help'], io), 0);
    assert.match(io.out, /Usage: periscope <command>/);
  });

  it('rejects an unknown command with exit code 2 and the list of commands', async () => {
    const io = captureIo();
    assert.equal(await main(['frobnicate'], io), 2);
    assert.match(io.err, /unknown command 'frobnicate'/);
  });
});
