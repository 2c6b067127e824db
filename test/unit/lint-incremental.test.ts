// Re-linting an open file after edits: only the touched statements are checked again, and the result is a full lint's.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Linter } from '../../shared/lint/linter';
import { OpenPythonFile } from '../../shared/lint/incremental';
import { pythonFileScript } from '../../shared/lint/text-scripts';
import type { ScriptRole } from '../../shared/source/script';

/** Session scripts in the shape users write them, with a few of the mistakes the rules look for. */
const FUNCTIONS = [
  `def onStartup(session):
	logger = system.util.getLogger("Session")
	roles = session.props.auth.user.roles
	if "Administrator" in roles:
		session.custom.admin = True
	system.perspective.navigate(page="/home")
`,
  `def refresh(session, payload):
	line = payload.get("line", "Filler")
	try:
		rows = system.db.runNamedQuery("Orders/Open", {"line": line})
	except:
		pass
	session.custom.orders = rows
`,
  `def readLine(paths):
	values = system.tag.read(paths[0])
	total = sum(v for v in values if v is not None)
	return {"total": total, "when": system.date.now()}
`,
  `def onIdleTimeout(session):
	system.util.sendMessage(system.util.getProjectName(), "refresh", {}, scope="S")
	system.perspective.sendMessage("refresh", {}, scope="session")
`,
  `class Holder(object):
	def get(self, key):
		return helper(key) + LIMIT
`,
  `LIMIT = 10
`,
  `def onPageStartup(page):
	path = page.props.path
	if path in page.session.custom.adminUrl:
		page.session.custom.role = "admin"
	print "page", path
`,
];

/** Text an edit may insert: names that bind, read or call, Python 3 syntax, API calls, and broken syntax. */
const SNIPPETS = [
  'session.auth', 'session.custom', 'x', 'helper', 'def helper(k):\n\treturn k\n', 'LIMIT = 5\n', 'onIdleTimeout(None)\n',
  'f"{line}"', 'print("a", end="")', 'from __future__ import print_function\n', 'system.tag.write("a", 1)',
  'system.gui.messageBox("x")', 'system.perspective.sendMessage("refresh")', 'system.util.sendMessage(p, name, scope="S")',
  'system.mes.load(1)\n', 'nonlocal y', ' # periscope: ignore', '\n', '\t', ' ', '(', ')', ':', '"', 'exec "x"\n', 'import *',
];

const ROLES: ScriptRole[] = [
  { kind: 'module' },
  { kind: 'session-message-handler', messageType: 'refresh', enabled: true },
  { kind: 'library', module: 'orders.util' },
];

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** An edit anywhere: some characters removed, a snippet or a few characters typed. */
const anywhere = fc.record({
  at,
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.stringMatching(/^[a-z_ .()"\n\t]{0,6}$/)),
});

/** Letters overwritten at the start of a line, keeping the length: a statement that changes but does not move. */
const overwrite = fc.record({ line: at, letters: fc.stringMatching(/^[a-z]{1,3}$/) });

type Edit = { at: number; remove: number; insert: string } | { line: number; letters: string };

/** Applies an edit where its fractions point in today's text. */
function apply(open: OpenPythonFile, edit: Edit): void {
  const text = open.content;
  if ('line' in edit) {
    const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((s) => s < text.length);
    const start = starts[Math.floor(edit.line * starts.length)] ?? 0;
    const end = Math.min(text.length, start + edit.letters.length);
    open.change({ start, end, text: edit.letters.slice(0, end - start) });
    return;
  }
  const start = Math.floor(edit.at * text.length);
  open.change({ start, end: Math.min(text.length, start + edit.remove), text: edit.insert });
}

describe('re-linting an open file after edits', () => {
  let linter: Linter;
  before(async () => { linter = await Linter.create(); });
  after(() => linter.dispose());

  const full = (open: OpenPythonFile, role: ScriptRole) => linter.lintScripts([pythonFileScript(open.file, open.content, role)]);

  it('reports what a full lint of the edited text reports, after any sequence of edits', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom(...FUNCTIONS.keys()), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(...ROLES),
      fc.array(fc.array(fc.oneof(anywhere, overwrite), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
      (order, role, batches) => {
        const open = new OpenPythonFile(linter, 'open.py', order.map((i) => FUNCTIONS[i]).join('\n'), role);
        try {
          assert.deepEqual(open.lint(), full(open, role));
          for (const batch of batches) {
            for (const e of batch) apply(open, e);
            assert.deepEqual(open.lint(), full(open, role));
          }
        } finally {
          open.close();
        }
      },
    ), { numRuns: 200 });
  });

  it('keeps the findings of statements an edit did not touch, at their new lines', () => {
    const text = FUNCTIONS[2] + '\n' + FUNCTIONS[0];
    const open = new OpenPythonFile(linter, 'open.py', text);
    const before = open.lint().filter((d) => d.rule === 'page-call-without-page');
    assert.equal(before.length, 1);
    open.change({ start: 0, end: 0, text: '# Line reads.\n\n' });
    const after = open.lint().filter((d) => d.rule === 'page-call-without-page');
    assert.deepEqual(after.map((d) => d.line), [before[0].line + 2]);
    open.close();
  });

  it('re-checks every statement when a name defined in one of them changes', () => {
    const open = new OpenPythonFile(linter, 'open.py', `${FUNCTIONS[4]}\n${FUNCTIONS[5]}`);
    assert.deepEqual(open.lint().map((d) => d.message), ['`helper` is not defined here; define, import or pass it first']);
    const at = open.content.indexOf('LIMIT = 10');
    open.change({ start: at, end: at + 'LIMIT'.length, text: 'LIMITS' });
    assert.deepEqual(open.lint().map((d) => `${d.line} ${d.message.split(' is ')[0]}`), ['3 `helper`', '3 `LIMIT`']);
    open.close();
  });

  it('lints a file with a syntax error whole, and goes back to statements once it is fixed', () => {
    const open = new OpenPythonFile(linter, 'open.py', FUNCTIONS[1]);
    open.lint();
    const at = open.content.indexOf(':');
    open.change({ start: at, end: at + 1, text: '' });
    assert.deepEqual(open.lint(), full(open, { kind: 'module' }));
    assert.ok(open.lint().some((d) => d.rule === 'syntax-error'));
    open.change({ start: at, end: at, text: ':' });
    assert.deepEqual(open.lint(), full(open, { kind: 'module' }));
    assert.ok(!open.lint().some((d) => d.rule === 'syntax-error'));
    open.close();
  });
});
