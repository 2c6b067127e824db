import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { loadDocument } from '../../shared/loaders/document';

const seedFile = 'examples/seed/session-scripts.md';
const seedText = readFileSync(seedFile, 'utf8');
const lineOf = (needle: string) => seedText.slice(0, seedText.indexOf(needle)).split('\n').length;

describe('session-script documents', () => {
  it('reads the seed: its params, its python blocks and the scripts held in strings', async () => {
    const doc = await loadDocument(seedFile, seedText);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.params, { project: 'default', timeout: 900, max_sessions: 100, session_props: ['custom', 'auth', 'locale', 'device'] });
    assert.deepEqual(doc.blocks.map((b) => b.title), [
      'Session Startup', 'Session Shutdown', 'Page Startup', 'Custom Session Properties', 'Message Handlers',
      'Authentication Events', 'Idle Detection',
    ]);
    assert.deepEqual(doc.scriptStrings.map((s) => s.role), [
      { kind: 'script-string', key: 'refreshData' },
      { kind: 'script-string', key: 'updatePreference' },
      { kind: 'script-string', key: 'idle_config' },
    ]);
  });

  it('maps a line of a script string back to its line in the document', async () => {
    const doc = await loadDocument(seedFile, seedText);
    const idle = doc.scriptStrings[2];
    const at = idle.text.indexOf('f"Session timeout');
    assert.deepEqual(idle.origin.position(at), { line: lineOf('f"Session timeout'), column: 9 });
    const startup = doc.blocks[0];
    assert.equal(startup.origin.position(startup.text.indexOf('session.auth')).line, lineOf('session.auth.user.userName if session.auth.user else "Anonymous"\n    client_ip'));
  });

  it('reports a block that is never closed, and still reads it', async () => {
    const doc = await loadDocument('broken.md', '# Startup\n\n```python\ndef onStartup(session):\n    pass\n');
    assert.equal(doc.blocks.length, 1);
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /never closed/);
    assert.deepEqual(doc.problems[0].position, { line: 3, column: 1 });
  });

  it('names the line of a params value that is not a number', async () => {
    const doc = await loadDocument('p.md', '```params\nproject: x\ntimeout: soon\n```\n');
    assert.equal(doc.params.timeout, undefined);
    assert.equal(doc.problems[0].position.line, 3);
    assert.match(doc.problems[0].message, /timeout.*number of seconds/);
  });

  it('ignores keys that would write into object prototypes', async () => {
    const doc = await loadDocument('p.md', '```params\n__proto__: 1\nconstructor: 2\n```\n');
    assert.equal(Object.getPrototypeOf(doc.params), Object.prototype);
    assert.equal(Object.hasOwn(doc.params, 'constructor'), false);
  });
});
