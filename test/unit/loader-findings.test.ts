// Project content a gateway would not read as written gets a finding at its line, never silence or a crash.
import { strict as assert } from 'node:assert';
import fs, { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { loadDocument } from '../../shared/loaders/document';
import { main } from '../../shared/cli/main';
import { captureIo } from './cli.test';
import { writeTree } from '../support/write-tree';

const P = 'com.inductiveautomation.perspective';
const RESOURCE = '{"scope": "G", "version": 1, "files": ["view.json"], "attributes": {}}';

describe('project content that is accepted only with a word', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'periscope-findings-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function load(files: Record<string, string>, projectJson = '{"title": "Plant", "parent": ""}'): Promise<Project> {
    writeTree(join(dir, 'Plant'), { 'project.json': projectJson, ...files });
    const [project] = await discoverProjects(join(dir, 'Plant'));
    return project;
  }
  const messages = (project: Project) => project.problems.map((p) => `${p.file.slice(dir.length + 7)}:${p.position.line}:${p.position.column} ${p.severity} ${p.message}`);

  it('reports "children" that is not a list, and a child that is null, and keeps the other children', async () => {
    const project = await load({
      [`${P}/views/Main/resource.json`]: RESOURCE,
      [`${P}/views/Main/view.json`]: [
        '{"root": {"type": "ia.container.flex", "meta": {"name": "root"}, "children": [',
        '  null,',
        '  {"type": "ia.container.flex", "meta": {"name": "Box"}, "children": {"meta": {"name": "Lost"}}},',
        '  {"type": "ia.input.button", "meta": {"name": "Save"}}',
        ']}}',
      ].join('\n'),
    });
    assert.deepEqual(messages(project), [
      `${P}/views/Main/view.json:2:3 warning a child of root is null, not a component object; it is ignored, remove it from "children"`,
      `${P}/views/Main/view.json:3:70 warning the "children" of root/Box must be a list of components, not an object; they are ignored`,
    ]);
    assert.deepEqual(project.views.Main.root.children.map((c) => c.path), ['root/Box', 'root/Save']);
  });

  it('reads a view nested 3,000 containers deep with a 5,000-level prop, in file order', async () => {
    const depth = 3000;
    const container = (i: number) => `{"type": "ia.container.flex", "meta": {"name": "c${i}"}, "events": {"dom": {"onClick": {"type": "script", "config": {"script": "\\tx = ${i}"}}}}, "children": [`;
    let text = `{"custom": {"deep": ${'['.repeat(5000)}${']'.repeat(5000)}}, "root": `;
    for (let i = 0; i < depth; i++) text += container(i);
    text += ']}'.repeat(depth) + '}';
    const project = await load({ [`${P}/views/Deep/resource.json`]: RESOURCE, [`${P}/views/Deep/view.json`]: text });
    assert.deepEqual(project.problems, []);
    let node = project.views.Deep.root;
    let levels = 1;
    while (node.children.length > 0) {
      node = node.children[0];
      levels++;
    }
    assert.equal(levels, depth);
    assert.equal(project.views.Deep.scripts.length, depth);
    assert.deepEqual(project.views.Deep.scripts.slice(0, 3).map((s) => s.text.split('\n')[1]), ['\tx = 0', '\tx = 1', '\tx = 2']);
  });

  it('reports "enabled" written as a string, and reads "false" as false', async () => {
    const project = await load({
      [`${P}/session-scripts/data.bin`]: '{\n  "messageHandlers": [\n    {"name": "ping", "enabled": "false", "script": "\\tpass"},\n    {"name": "pong", "enabled": "yes", "script": "\\tpass"}\n  ]\n}',
    });
    assert.deepEqual(messages(project), [
      `${P}/session-scripts/data.bin:3:33 warning "enabled" is the string "false", not true or false; write false without quotes (Periscope reads it as false, a gateway may not)`,
      `${P}/session-scripts/data.bin:4:33 warning "enabled" is the string "yes", not true or false; write true without quotes (Periscope reads it as true, a gateway may not)`,
    ]);
    const enabled = Object.fromEntries(project.scripts.map((s) => [s.role.kind === 'session-message-handler' ? s.role.messageType : '', s.role.kind === 'session-message-handler' && s.role.enabled]));
    assert.deepEqual(enabled, { ping: false, pong: true });
  });

  it('reports a string "enabled" in an 8.3 resource.json and skips the event it disables', async () => {
    const project = await load({
      [`${P}/session-scripts/startup/resource.json`]: '{\n  "scope": "G",\n  "attributes": {"enabled": "false"}\n}',
      [`${P}/session-scripts/startup/onStartup.py`]: 'def onStartup(session):\n\tpass\n',
      [`${P}/session-scripts/shutdown/resource.json`]: '{"attributes": {"enabled": true}}',
      [`${P}/session-scripts/shutdown/onShutdown.py`]: 'def onShutdown(session):\n\tpass\n',
    });
    assert.deepEqual(messages(project), [
      `${P}/session-scripts/startup/resource.json:3:29 warning "enabled" is the string "false", not true or false; write false without quotes (Periscope reads it as false, a gateway may not)`,
    ]);
    assert.deepEqual(project.scripts.map((s) => s.role.kind === 'session-event' && s.role.event), ['onShutdown']);
  });

  it('refuses a parent that is a path out of the projects folder', async () => {
    writeTree(dir, { 'secret/project.json': '{"title": "not a sibling"}', 'secret/ignition/script-python/leak/code.py': 'x = 1\n' });
    const project = await load({}, '{\n  "title": "Plant",\n  "parent": "../secret"\n}');
    assert.deepEqual(messages(project), ['project.json:3:13 error "parent" is "../secret", a path; a parent is the name of another project in the same projects folder, such as "Global"']);
    assert.equal(project.parent, undefined);
    assert.deepEqual(Object.keys(project.library), []);
  });

  it('reads a library script through a symbolic link, and says so; reports folder links and broken links', async () => {
    writeTree(dir, { 'shared/code.py': 'def total(rows):\n\treturn len(rows)\n' });
    const project = await load({ 'ignition/script-python/plant/resource.json': '{"attributes": {}}', 'ignition/script-python/other/resource.json': '{"attributes": {}}' });
    const library = join(dir, 'Plant/ignition/script-python');
    symlinkSync(join(dir, 'shared/code.py'), join(library, 'plant/code.py'));
    symlinkSync(join(dir, 'shared'), join(library, 'linked'));
    symlinkSync(join(dir, 'nowhere.py'), join(library, 'other/code.py'));
    const [again] = await discoverProjects(join(dir, 'Plant'));
    assert.deepEqual(messages(again), [
      `ignition/script-python/linked:1:1 warning is a symbolic link to the folder ${join(dir, 'shared')}, which Periscope does not follow (folder links can loop), so nothing under it is read; copy the folder here instead`,
      'ignition/script-python/other/code.py:1:1 warning is a symbolic link that leads nowhere (ENOENT); remove it or point it at the file',
      `ignition/script-python/plant/code.py:1:1 info is a symbolic link; Periscope reads the file it points to, ${join(dir, 'shared/code.py')}`,
    ]);
    assert.match(again.library.plant.text, /def total/);
    assert.deepEqual(Object.keys(project.library), []);
  });

  it('reports a malformed session-scripts resource.json of an 8.1 project and still loads its events', async () => {
    const project = await load({
      [`${P}/session-scripts/resource.json`]: '{\n  "scope": "G",\n  "files": ["data.bin"\n}',
      [`${P}/session-scripts/data.bin`]: '{"onStartup": "\\tpass"}',
    });
    assert.deepEqual(messages(project), [`${P}/session-scripts/resource.json:4:1 error is not valid JSON here (comma expected); fix the file or export it again from the Designer`]);
    assert.equal(project.scripts.length, 1);
  });

  it('reports a view.json that is not UTF-8 at its first bad byte, as for documents and Python files', async () => {
    writeTree(join(dir, 'Plant'), { 'project.json': '{}', [`${P}/views/Main/resource.json`]: RESOURCE });
    writeFileSync(join(dir, `Plant/${P}/views/Main/view.json`), Buffer.concat([
      Buffer.from('{"root": {"type": "ia.display.label", "meta": {"name": "root"},\n  "props": {"text": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}}}'),
    ]));
    const [project] = await discoverProjects(join(dir, 'Plant'));
    assert.deepEqual(messages(project), [
      `${P}/views/Main/view.json:2:25 error the file is not valid UTF-8 (byte 0xE9 at line 2, column 25); the gateway reads scripts and project files as UTF-8: save the file with UTF-8 encoding`,
    ]);
    assert.equal(project.views.Main.root.props.text, 'caf\uFFFD');
  });
});

describe('a project whose files are deleted while it is read', () => {
  it('reports each file that vanished between the folder listing and its reading, and loads the rest', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'periscope-vanish-')), 'Plant');
    cpSync('test/fixtures/project-83', root, { recursive: true });
    const victims = [`${P}/startup/onStartup.py`, `${P}/views/Overview/view.json`, 'ignition/script-python/plant/util/code.py'].map((f) => join(root, f));
    // Each victim is deleted just before it is read, as another program (a Designer export, git checkout) would.
    const nodeFs = fs as { readFileSync: typeof readFileSync };
    const read = nodeFs.readFileSync;
    nodeFs.readFileSync = ((path: string, ...rest: []) => {
      if (victims.includes(path) && existsSync(path)) unlinkSync(path);
      return read(path, ...rest);
    }) as typeof readFileSync;
    syncBuiltinESMExports();
    try {
      const [project] = await discoverProjects(root);
      assert.deepEqual(project.problems.map((p) => `${p.file.slice(root.length + 1)}:${p.position.line} ${p.severity} ${p.message}`).sort(), [
        `${P}/startup/onStartup.py:1 error cannot read the file (ENOENT)`,
        `${P}/views/Overview/view.json:1 error cannot read the file (ENOENT)`,
        'ignition/script-python/plant/util/code.py:1 error cannot read the file (ENOENT)',
      ]);
      assert.ok(project.scripts.some((s) => s.role.kind === 'session-event' && s.role.event === 'onShutdown'));
      assert.ok(project.library['plant.orders']);
    } finally {
      nodeFs.readFileSync = read;
      syncBuiltinESMExports();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a session-script document with CR-only line ends', () => {
  it('is read line by line as with LF, so that its blocks are found at their lines', async () => {
    const text = '# Session\r\r```python\rdef onStartup(session):\r\tx = 1\r```\r\r```params\rtimeout: 60\r```\r';
    const doc = await loadDocument('old-mac.md', text);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.blocks.length, 1);
    assert.equal(doc.blocks[0].text, 'def onStartup(session):\r\tx = 1\r');
    assert.deepEqual(doc.blocks[0].origin.position(doc.blocks[0].text.indexOf('x = 1')), { line: 5, column: 2 });
    assert.equal(doc.params.timeout, 60);
  });

  it('is linted and simulated alike: lint finds the block\'s mistake at its line, simulate runs the block', async function () {
    this.timeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'periscope-cr-'));
    writeFileSync(join(dir, 'old-mac.md'), '# Session\r\r```python\rdef onStartup(session):\r\tsession.custom.sid = session.id\r```\r');
    const lint = Object.assign(captureIo(), { cwd: dir });
    assert.equal(await main(['lint', 'old-mac.md'], lint), 1);
    assert.match(lint.out, /^old-mac\.md:5:23 error no-such-session-attr /m);
    const simulate = captureIo();
    assert.equal(await main(['simulate', join(dir, 'old-mac.md'), '--engine', 'pyodide'], simulate), 0, simulate.err);
    assert.match(simulate.out, /divergence \[no-such-session-attr\] \S*old-mac\.md:5: /);
    assert.match(simulate.out, /run onStartup \(\S*old-mac\.md:4\) [\d.]+ ms ok/);
    rmSync(dir, { recursive: true, force: true });
  });
});
