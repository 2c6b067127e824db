// The rules about a project's files, each against fixture projects: the bad ones report exactly the findings listed
// here (file and line), the good ones nothing of that rule.
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../shared/cli/main';
import { captureIo } from './cli.test';
import { writeTree } from '../support/write-tree';
import type { Diagnostic } from '../../shared/lint/diagnostic';

const FIXTURES = join(import.meta.dirname, '../fixtures/lint');

async function findings(rule: string, variant: 'bad' | 'good'): Promise<string[]> {
  const dir = join(FIXTURES, rule, variant);
  const io = Object.assign(captureIo(), { cwd: dir });
  await main(['lint', '--format', 'json', '.'], io);
  const diagnostics = (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics;
  return diagnostics.filter((d) => d.rule === rule).map((d) => `${relative(dir, join(dir, d.file))}:${d.line}`).sort();
}

const EXPECTED: Record<string, string[]> = {
  'missing-view': [
    'Plant/com.inductiveautomation.perspective/page-config/config.json:16',
    'Plant/com.inductiveautomation.perspective/page-config/config.json:9',
    'Plant/com.inductiveautomation.perspective/views/Main/view.json:26',
  ],
  'missing-parent-project': ['projects/Loop/project.json:4', 'projects/Plant/project.json:4'],
  // One per name a missing parent could define (filters is read three times), at its first use.
  'name-from-missing-parent': [
    'projects/Plant/com.inductiveautomation.perspective/views/Main/view.json:22',
    'projects/Plant/com.inductiveautomation.perspective/views/Main/view.json:22',
  ],
  'sql-injection-risk': [
    'Plant/ignition/named-query/Orders/Sorted/query.sql:2',
    'Plant/ignition/named-query/Orders/Sorted/query.sql:3',
    'Plant/ignition/named-query/Orders/Sorted/query.sql:4',
  ],
  'invalid-resource': [
    'Plant/com.inductiveautomation.perspective/page-startup/onPageStartup.py:2',
    'Plant/com.inductiveautomation.perspective/shutdown/onShutdown.py:1',
    'Plant/com.inductiveautomation.perspective/startup/resource.json:7',
    'Plant/com.inductiveautomation.perspective/views/Main/view.json:3',
  ],
  'unread-scripts': ['Plant/com.inductiveautomation.vision/windows:1', 'Plant/tools:1'],
};

describe('project rules on their fixture projects', () => {
  for (const [rule, expected] of Object.entries(EXPECTED)) {
    it(`${rule}: reports exactly the listed places in the bad projects and nothing in the good ones`, async () => {
      assert.deepEqual(await findings(rule, 'bad'), expected);
      assert.deepEqual(await findings(rule, 'good'), []);
    });
  }

  it('lists each of these rules in periscope rules, with its documentation', async () => {
    const list = captureIo();
    await main(['rules'], list);
    for (const rule of Object.keys(EXPECTED)) {
      assert.match(list.out, new RegExp(`^${rule} +(error|warning|info) +\\S`, 'm'), rule);
      const doc = captureIo();
      assert.equal(await main(['rules', rule], doc), 0);
      assert.match(doc.out, /## What it does[\s\S]*## Why is this bad\?[\s\S]*## Use instead/, rule);
    }
  });

  it('reports a loop further up the inheritance when only the child is linted, and once when all are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'periscope-parents-'));
    writeTree(dir, {
      'Line/project.json': JSON.stringify({ title: 'Line', parent: 'Area', enabled: true }),
      'Area/project.json': JSON.stringify({ title: 'Area', parent: 'Site', enabled: true }),
      'Site/project.json': JSON.stringify({ title: 'Site', parent: 'Area', enabled: true }),
    });
    const lint = async (path: string) => {
      const io = Object.assign(captureIo(), { cwd: dir });
      await main(['lint', '--format', 'json', path], io);
      return (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'missing-parent-project').map((d) => `${d.file}:${d.line} ${d.message.split(';')[0]}`);
    };
    const loop = ['Site/project.json:1 project inheritance loops (Area → Site → Area)'];
    assert.deepEqual(await lint('Line'), loop);
    assert.deepEqual(await lint('.'), loop);
  });

  it('reports a view that only the missing parent could hold once per path, as information', async () => {
    const dir = join(FIXTURES, 'missing-parent-project', 'bad');
    const io = Object.assign(captureIo(), { cwd: dir });
    await main(['lint', '--format', 'json', '.'], io);
    const views = (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'missing-view');
    assert.deepEqual(views.map((d) => [d.line, d.severity, d.message.match(/the view "([^"]+)"/)?.[1]]), [[9, 'info', 'Shared/Lines'], [16, 'info', 'Shared/Nav']]);
    assert.match(views[0].message, /it may be a view of the parent project Global, which is not in the export/);
  });

  it('reports undefined names that are not package-like as undefined-name still, when the parent is missing', async () => {
    const dir = join(FIXTURES, 'name-from-missing-parent', 'bad');
    const io = Object.assign(captureIo(), { cwd: dir });
    await main(['lint', '--format', 'json', '.'], io);
    const undefinedNames = (JSON.parse(io.out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.rule === 'undefined-name');
    assert.deepEqual(undefinedNames.map((d) => d.message.split('`')[1]), ['totl']);
  });
});
