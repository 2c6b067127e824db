import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverProjects, type Project } from '../../shared/loaders/project';
import { writeTree } from '../support/write-tree';

const P = 'com.inductiveautomation.perspective';
const RESOURCE = '{\n  "scope": "G",\n  "version": 1,\n  "files": ["view.json"],\n  "attributes": {}\n}\n';

function view(script: string): string {
  return `{\n  "root": {\n    "type": "ia.container.flex",\n    "meta": {"name": "root"},\n    "events": {"dom": {"onClick": {"type": "script", "scope": "G", "config": {"script": ${JSON.stringify(script)}}}}}\n  }\n}\n`;
}

describe('loading a project with bad input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'periscope-project-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function load(files: Record<string, string>): Promise<Project> {
    writeTree(join(dir, 'Plant'), { 'project.json': '{"title": "Plant", "parent": ""}', ...files });
    const projects = await discoverProjects(join(dir, 'Plant'));
    assert.equal(projects.length, 1);
    return projects[0];
  }
  const messages = (project: Project) => project.problems.map((p) => `${p.file.slice(dir.length + 7)}:${p.position.line}:${p.position.column} ${p.severity} ${p.message}`);

  it('reports a data.bin that is not JSON at its line, and still loads the views', async () => {
    const project = await load({
      [`${P}/session-scripts/data.bin`]: '{\n  "onStartup": "\\tx = 1\\n",\n  onShutdown: "\\t"\n}\n',
      [`${P}/views/Main/view.json`]: view('\tself.props.text = "hi"'),
      [`${P}/views/Main/resource.json`]: RESOURCE,
    });
    assert.ok(messages(project).some((m) => /^com\.inductiveautomation\.perspective\/session-scripts\/data\.bin:3:3 error is not valid JSON here \(invalid symbol\)/.test(m)), messages(project).join('\n'));
    assert.equal(project.problems.length, 1);
    assert.equal(project.scripts.filter((s) => s.role.kind === 'session-event').length, 0);
    assert.equal(project.views.Main.scripts.length, 1);
  });

  it('warns about a missing resource.json and reports a malformed one, loading the resources anyway', async () => {
    const project = await load({
      [`${P}/views/Main/view.json`]: view('\tpass'),
      'ignition/named-query/Count/query.sql': 'SELECT COUNT(*) FROM t',
      'ignition/named-query/Count/resource.json': '{\n  "scope": "DG",\n  "attributes": {"type": "Scalar",}\n}\n',
    });
    const found = messages(project);
    assert.ok(found.some((m) => m.startsWith(`${P}/views/Main/resource.json:1:1 warning this resource.json is missing`)), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith('ignition/named-query/Count/resource.json:3:35 error is not valid JSON here')), found.join('\n'));
    assert.ok(project.views.Main);
    assert.equal(project.namedQueries.Count.sql, 'SELECT COUNT(*) FROM t');
  });

  it('keeps positions right in files with a byte order mark, CRLF line ends and mixed tabs and spaces', async () => {
    const project = await load({
      [`${P}/session-scripts/data.bin`]: '\uFEFF{\r\n  "onStartup": "\\tif True:\\n\\t    x \\u003d 1\\n"\r\n}\r\n',
      [`${P}/views/Main/view.json`]: view('\tif True:\r\n\t  y = 2').replace(/\n/g, '\r\n'),
      [`${P}/views/Main/resource.json`]: RESOURCE,
    });
    assert.deepEqual(project.problems, []);
    const startup = project.scripts.find((s) => s.role.kind === 'session-event')!;
    assert.equal(startup.text, 'def onStartup(session):\n\tif True:\n\t    x = 1\n');
    assert.deepEqual(startup.origin.position(startup.text.indexOf('x =')), { line: 2, column: 35 });
    const click = project.views.Main.scripts[0];
    assert.equal(click.text, 'def runAction(self, event):\n\tif True:\r\n\t  y = 2');
    assert.equal(click.origin.position(click.text.indexOf('y = 2')).line, 5);
  });

  it('keeps a view whose view.json is not JSON, empty, so that only the file\'s own problem is reported', async () => {
    const project = await load({
      [`${P}/page-config/config.json`]: '{"pages": {"/": {"viewPath": "Main"}}}',
      [`${P}/views/Main/view.json`]: '{\n  "root": {\n    "type": "ia.container.flex",\n  }\n}\n',
      [`${P}/views/Main/resource.json`]: RESOURCE,
    });
    assert.deepEqual(messages(project), [`${P}/views/Main/view.json:4:3 error is not valid JSON here (property name expected); fix the file or export it again from the Designer`]);
    assert.deepEqual(project.views.Main.scripts, []);
  });

  it('reports pages and docks that show a missing view, and embedded views that do not exist', async () => {
    const project = await load({
      [`${P}/page-config/config.json`]: '{\n  "pages": {\n    "/": {"viewPath": "Main"},\n    "/gone": {"viewPath": "Gone"}\n  },\n  "sharedDocks": {"left": [{"id": "nav", "viewPath": "Nav"}]}\n}\n',
      [`${P}/views/Main/view.json`]: '{"root": {"type": "ia.container.flex", "meta": {"name": "root"}, "children": [{"type": "ia.display.view", "meta": {"name": "Embed"}, "props": {"path": "Widgets/Missing"}}]}}',
      [`${P}/views/Main/resource.json`]: RESOURCE,
    });
    const found = messages(project);
    assert.ok(found.some((m) => /page-config\/config\.json:4:27 warning page "\/gone" shows the view "Gone", which is not in the project/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /config\.json:6:54 warning the left dock "nav" shows the view "Nav"/.test(m)), found.join('\n'));
    assert.deepEqual([...new Set(project.problems.map((p) => p.rule))], ['missing-view']);
    assert.ok(found.some((m) => /views\/Main\/view\.json:1:152 warning the component root\/Embed embeds the view "Widgets\/Missing"/.test(m)), found.join('\n'));
    assert.deepEqual(project.pages.map((p) => p.viewPath), ['Main', 'Gone']);
  });

  it('reports a script that is not a string, a __proto__ key, and undeclared query parameters, at their lines', async () => {
    const project = await load({
      [`${P}/session-scripts/data.bin`]: '{\n  "onStartup": 42,\n  "messageHandlers": [{"name": "a", "enabled": true, "script": "\\tpass"}]\n}',
      [`${P}/session-props/props.json`]: '{\n  "custom": {\n    "__proto__": {"polluted": true},\n    "line": "A"\n  }\n}',
      'ignition/named-query/ByLine/query.sql': 'SELECT *\nFROM t\nWHERE line = :Line',
      'ignition/named-query/ByLine/resource.json': '{"attributes": {"type": "Query", "parameters": [{"type": "Parameter", "identifier": "line", "sqlType": 7}]}}',
    });
    const found = messages(project);
    assert.ok(found.some((m) => /data\.bin:2:16 error the script at onStartup must be a JSON string, not a number/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /props\.json:3:5 error the key "__proto__" is not allowed/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /ByLine\/query\.sql:3:14 error the SQL uses :Line, but resource\.json declares no parameter of that name/.test(m)), found.join('\n'));
    assert.deepEqual(project.sessionProps.custom, { line: 'A' });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(project.scripts.filter((s) => s.role.kind === 'session-message-handler').length, 1);
  });

  it('skips resources whose names would reach an object prototype, and ignores inherited object keys', async () => {
    const project = await load({
      [`${P}/views/__proto__/view.json`]: view('\tpass'),
      [`${P}/views/constructor/view.json`]: view('\tpass'),
      [`${P}/session-scripts/toString/resource.json`]: '{"attributes": {}}',
      'ignition/named-query/Q/query.sql': 'SELECT 1',
      'ignition/named-query/Q/resource.json': '{"attributes": {"type": "toString"}}',
    });
    const found = messages(project);
    assert.ok(found.some((m) => /views\/__proto__:1:1 error "__proto__" cannot be used as a resource or parameter name/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /views\/constructor:1:1 error/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /session-scripts\/toString:1:1 warning "toString" is not a session event folder/.test(m)), found.join('\n'));
    assert.ok(found.some((m) => /query type "toString" is not Query, Update or Scalar/.test(m)), found.join('\n'));
    assert.deepEqual(Object.keys(project.views), []);
    assert.equal(project.namedQueries.Q.type, 'Query');
  });

  it('reports an 8.3 event folder without its script file', async () => {
    const project = await load({
      [`${P}/message/ping/resource.json`]: '{"attributes": {"enabled": true}}',
      [`${P}/startup/resource.json`]: '{"attributes": {"enabled": true}}',
      [`${P}/startup/onStartup.py`]: 'def onStartup(session):\n\tpass\n',
    });
    assert.equal(project.version, '8.3');
    assert.ok(messages(project).some((m) => /message\/ping\/handleMessage\.py:1:1 error this script file is missing/.test(m)), messages(project).join('\n'));
    assert.equal(project.scripts.length, 1);
  });
});
