// A bug in Periscope is not a finding: exit 3, one line that says so and where the details are, the stack with --debug.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { main } from '../../shared/cli/main';
import { commands } from '../../shared/cli/commands';
import type { Command } from '../../shared/cli/command';
import { captureIo } from './cli.test';

/** A command with a bug in it, registered for the length of one test. */
const broken: Command = {
  name: 'broken',
  summary: 'fails as a bug would',
  help: 'Usage: periscope broken',
  async run(args) {
    const options = JSON.parse('null') as { depth: number };
    return args.length + options.depth;
  },
};

describe('an internal error in a command', () => {
  before(() => commands.push(broken));
  after(() => commands.splice(commands.indexOf(broken), 1));

  it('exits 3 with one line naming the error as a bug and the crash report that holds the stack', async () => {
    const io = captureIo();
    assert.equal(await main(['broken', 'x'], io), 3);
    assert.equal(io.out, '');
    const lines = io.err.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const [, report] = /^periscope broken: internal error \(a bug in Periscope, not in your files\): TypeError: Cannot read properties of null \(reading 'depth'\)\. Details in (\S+\.txt); run again with --debug to print the stack\.$/.exec(lines[0]) ?? [];
    assert.ok(report, lines[0]);
    const details = readFileSync(report, 'utf8');
    rmSync(report);
    assert.match(details, /^periscope broken x\nnode v\d+/);
    assert.match(details, /TypeError: Cannot read properties of null \(reading 'depth'\)\n\s+at Object\.run/);
  });

  it('prints the stack as well with --debug, given anywhere on the command line', async () => {
    const io = captureIo();
    assert.equal(await main(['--debug', 'broken'], io), 3);
    assert.match(io.err, /^TypeError: Cannot read properties of null \(reading 'depth'\)\n\s+at Object\.run .*cli-internal-error\.test\.ts/);
    const report = /Details in (\S+\.txt)\./.exec(io.err)?.[1];
    assert.ok(report);
    rmSync(report);
    assert.doesNotMatch(io.err, /run again with --debug/);
  });

  it('keeps 0, 1 and 2 for every command, and --debug changes none of them', async () => {
    for (const argv of [['rules'], ['rules', '--debug'], ['lint', '--format', 'xml', '--debug'], ['simulate', '--debug'], ['test', '--debug']]) {
      const io = captureIo();
      const code = await main(argv, io);
      assert.equal(code, argv[0] === 'rules' ? 0 : 2, `${argv.join(' ')}: ${io.err}`);
      assert.doesNotMatch(io.err, /internal error/);
    }
  });
});
