import { strict as assert } from 'node:assert';
import { readSettings, runEngine } from '../../shared/lsp/settings';

describe('language server settings: the engine of runs and Workspace Trust', () => {
  it('runs the chosen engine in a trusted workspace, and in editors that do not speak of trust', () => {
    assert.deepEqual(runEngine(readSettings({ engine: 'jython', trusted: true })), { engine: 'jython', sealed: false });
    assert.deepEqual(runEngine(readSettings({ engine: 'auto' })), { engine: 'auto', sealed: false });
    assert.deepEqual(runEngine(readSettings({})), { sealed: false });
  });

  it('runs an untrusted workspace on the sealed Pyodide engine, and says the choice was set aside only when there was one', () => {
    assert.deepEqual(runEngine(readSettings({ engine: 'jython', trusted: false })), { engine: 'pyodide', sealed: true });
    assert.deepEqual(runEngine(readSettings({ engine: 'auto', trusted: false })), { engine: 'pyodide', sealed: true });
    assert.deepEqual(runEngine(readSettings({ engine: 'pyodide', trusted: false })), { engine: 'pyodide', sealed: false });
    assert.deepEqual(runEngine(readSettings({ trusted: false })), { engine: 'pyodide', sealed: false });
  });

  it('takes a trust setting it cannot read for no trust', () => {
    assert.deepEqual(runEngine(readSettings({ engine: 'jython', trusted: 'yes' })), { engine: 'pyodide', sealed: true });
  });
});
