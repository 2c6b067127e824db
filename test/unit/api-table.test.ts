import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Node as SyntaxNode, Parser } from 'web-tree-sitter';
import { systemReferences } from '../../shared/api/references';
import { createPythonParser } from '../../shared/python/parser';
import {
  bindArguments,
  describeFunction,
  existsIn,
  findFunction,
  findModule,
  formatSignature,
  isDeprecatedIn,
  isVisionOnly,
  listModule,
  modules,
  nearestName,
  parseSignature,
  SignatureError,
  type ApiFunction,
  type ApiParam,
} from '../../shared/api/index';

function fn(name: string): ApiFunction {
  const found = findFunction(name);
  assert.ok(found, `${name} is in the table`);
  return found;
}

describe('the system.* API table', () => {
  it('covers every system.perspective function Perspective scripts call, with its parameters in order', () => {
    const names = listModule('system.perspective').map((entry) => entry.name.split('.').pop());
    for (const expected of [
      'navigate', 'navigateBack', 'navigateForward', 'openPopup', 'togglePopup', 'closePopup', 'openDock', 'closeDock', 'toggleDock',
      'alterDock', 'login', 'logout', 'authenticationChallenge', 'closeSession', 'closePage', 'refresh', 'print', 'download', 'setTheme',
      'alterLogging', 'isAuthorized', 'getSessionInfo', 'getProjectInfo', 'vibrateDevice', 'sendMessage',
    ]) {
      assert.ok(names.includes(expected), `system.perspective.${expected}`);
    }
    const openPopup = fn('system.perspective.openPopup').signatures[0];
    assert.deepEqual(openPopup.params.slice(0, 3).map((param) => param.name), ['id', 'view', 'params']);
    assert.equal(openPopup.params.find((param) => param.name === 'showCloseIcon')?.default, 'True');
    assert.equal(fn('system.perspective.sendMessage').signatures[0].params[2].default, "'page'");
  });

  it('names the third-party module a function needs when Ignition itself lacks it', () => {
    assert.match(fn('system.perspective.runJavaScriptAsync').requires ?? '', /Embr Periscope/);
    assert.equal(fn('system.perspective.navigate').requires, undefined);
  });

  it('says what Perspective offers instead of a Vision-only function', () => {
    assert.equal(fn('system.security.getUsername').perspectiveInstead, 'session.props.auth.user.userName');
    assert.match(fn('system.nav.openWindow').perspectiveInstead ?? '', /system\.perspective\.navigate/);
    assert.match(fn('system.gui.getWindow').perspectiveInstead ?? '', /popups/);
  });

  it('holds the modules session scripts use, with Vision-only ones marked as such', () => {
    for (const name of ['system.perspective', 'system.util', 'system.db', 'system.tag', 'system.alarm', 'system.date', 'system.dataset',
      'system.security', 'system.net', 'system.file', 'system.gui', 'system.nav']) {
      assert.ok(findModule(name), name);
    }
    assert.equal(findModule('system.nope'), undefined);
    assert.deepEqual(listModule('system.nope'), []);
    assert.ok(listModule('system.gui').every(isVisionOnly));
    assert.ok(listModule('system.nav').every(isVisionOnly));
    assert.ok(isVisionOnly(fn('system.util.invokeLater')));
    assert.ok(!isVisionOnly(fn('system.util.getLogger')));
    assert.ok(!isVisionOnly(fn('system.perspective.navigate')));
  });

  it('lists every date getter, arithmetic and difference function', () => {
    const dates = new Set(listModule('system.date').map((entry) => entry.name));
    for (const unit of ['Millis', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years']) {
      assert.ok(dates.has(`system.date.add${unit}`));
      assert.ok(dates.has(`system.date.${unit.toLowerCase()}Between`));
    }
    for (const name of ['now', 'midnight', 'format', 'parse', 'isBefore', 'isAfter', 'isBetween', 'getHour24', 'getDayOfWeek', 'getYear']) {
      assert.ok(dates.has(`system.date.${name}`), name);
    }
  });

  it('marks the page-scoped calls, and sendMessage only for page and view scope', () => {
    assert.equal(fn('system.perspective.navigate').pageScoped, true);
    assert.equal(fn('system.perspective.closeSession').pageScoped, undefined);
    assert.deepEqual(fn('system.perspective.sendMessage').pageScoped, { param: 'scope', values: ['page', 'view'] });
  });

  it('knows what each version deprecates and adds', () => {
    const read = fn('system.tag.read');
    assert.ok(isDeprecatedIn(read, '8.1') && isDeprecatedIn(read, '8.3'));
    assert.equal(read.deprecated?.replacement, 'system.tag.readBlocking');
    const runNamedQuery = fn('system.db.runNamedQuery');
    assert.ok(!isDeprecatedIn(runNamedQuery, '8.1'));
    assert.ok(isDeprecatedIn(runNamedQuery, '8.3'));
    assert.match(runNamedQuery.deprecated!.replacement, /execQuery/);
    const execQuery = fn('system.db.execQuery');
    assert.ok(!existsIn(execQuery, '8.1') && existsIn(execQuery, '8.3'));
    assert.ok(!isDeprecatedIn(fn('system.tag.readBlocking'), '8.3'));
  });

  it('gives every function a module, a doc line, scopes and at least one signature', () => {
    for (const module of modules) {
      for (const entry of module.functions) {
        assert.ok(entry.name.startsWith(`${module.name}.`) && entry.module === module.name, entry.name);
        assert.ok(entry.doc.length > 0 && !entry.doc.includes('\n'), entry.name);
        assert.ok(entry.scopes.length > 0 && entry.signatures.length > 0, entry.name);
      }
      assert.equal(new Set(module.functions.map((entry) => entry.name)).size, module.functions.length, `${module.name} has no duplicates`);
    }
  });
});

describe('describing a function for people', () => {
  it('shows every form with its note, the doc, the scopes and what the target version says', () => {
    const text = describeFunction(fn('system.db.runNamedQuery'), '8.3');
    assert.match(text, /# project scope\nsystem\.db\.runNamedQuery\(path: str, parameters: dict = None, tx: str = None, getKey: bool = False\) -> Any/);
    assert.match(text, /# gateway scope[^\n]*\nsystem\.db\.runNamedQuery\(project: str, path: str/);
    assert.match(text, /Scope: Gateway, Perspective Session, Vision Client, Designer\./);
    assert.match(text, /Deprecated since Ignition 8\.3: use system\.db\.execQuery/);
    assert.doesNotMatch(describeFunction(fn('system.db.runNamedQuery'), '8.1'), /Deprecated/);
    assert.match(describeFunction(fn('system.db.execQuery'), '8.1'), /New in Ignition 8\.3: not available on 8\.1\./);
    assert.match(describeFunction(fn('system.perspective.openPopup')), /Needs a page/);
    assert.match(describeFunction(fn('system.nav.swapTo')), /In Perspective: system\.perspective\.navigate\./);
  });
});

describe('binding a call to a system function', () => {
  it('accepts positional arguments followed by keywords', () => {
    const result = bindArguments(fn('system.perspective.openPopup'), 2, ['params', 'modal']);
    assert.ok(result.ok);
    assert.deepEqual(result.arguments.map((argument) => argument.param.name), ['id', 'view', 'params', 'modal']);
  });

  it('reports an unknown keyword with the nearest parameter name', () => {
    const result = bindArguments(fn('system.perspective.navigate'), 0, ['pag']);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [{ kind: 'unknown-keyword', keyword: 'pag', keywordIndex: 0, suggestion: 'page' }]);
  });

  it('reports too many positional arguments with the maximum', () => {
    const result = bindArguments(fn('system.date.now'), 1, []);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [{ kind: 'too-many-positional', max: 0, given: 1 }]);
  });

  it('reports every missing required parameter', () => {
    const result = bindArguments(fn('system.tag.writeBlocking'), 0, ['timeout']);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [{ kind: 'missing', params: ['tagPaths', 'values'] }]);
  });

  it('still tells which parameters an unfinished call has filled, for signature help', () => {
    const typing = bindArguments(fn('system.perspective.openPopup'), 0, ['view']);
    assert.ok(!typing.ok);
    assert.deepEqual(typing.arguments.map((argument) => [argument.param.name, argument.from]), [['view', { keyword: 0 }]]);
  });

  it('reports a parameter given both by position and by keyword, and a keyword given twice', () => {
    const both = bindArguments(fn('system.util.getLogger'), 1, ['name']);
    assert.ok(!both.ok);
    assert.deepEqual(both.problems, [{ kind: 'duplicate', name: 'name', keywordIndex: 0 }]);
    const twice = bindArguments(fn('system.date.format'), 1, ['format', 'format']);
    assert.ok(!twice.ok);
    assert.deepEqual(twice.problems, [{ kind: 'duplicate', name: 'format', keywordIndex: 1 }]);
  });

  it('chooses the runNamedQuery form by arity: project scope (path, ...) or gateway scope (project, path, ...)', () => {
    const runNamedQuery = fn('system.db.runNamedQuery');
    const projectScope = bindArguments(runNamedQuery, 2, []);
    assert.ok(projectScope.ok);
    assert.deepEqual(projectScope.arguments.map((argument) => argument.param.name), ['path', 'parameters']);
    const gatewayScope = bindArguments(runNamedQuery, 5, []);
    assert.ok(gatewayScope.ok);
    assert.equal(gatewayScope.overload, 1);
    assert.equal(gatewayScope.arguments[0].param.name, 'project');
    const keywords = bindArguments(runNamedQuery, 0, ['project', 'path']);
    assert.ok(keywords.ok);
    assert.equal(keywords.overload, 1);
  });

  it('prefers the overload of the scope the call runs in when both fit', () => {
    const runNamedQuery = fn('system.db.runNamedQuery');
    const gateway = bindArguments(runNamedQuery, 3, [], { scope: 'gateway' });
    assert.ok(gateway.ok);
    assert.deepEqual(gateway.arguments.map((argument) => argument.param.name), ['project', 'path', 'parameters']);
    const perspective = bindArguments(runNamedQuery, 3, [], { scope: 'perspective' });
    assert.ok(perspective.ok);
    assert.deepEqual(perspective.arguments.map((argument) => argument.param.name), ['path', 'parameters', 'tx']);
  });

  it('reports against the closest overload when none fits', () => {
    const result = bindArguments(fn('system.db.runNamedQuery'), 6, []);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [{ kind: 'too-many-positional', max: 5, given: 6 }]);
  });

  it('lets *args and **kwargs parameters take whatever is left', () => {
    const variadic = { ...fn('system.util.getLogger'), signatures: [parseSignature('(fmt: str, *args: Any, **kwargs: Any) -> None')] };
    assert.ok(bindArguments(variadic, 4, ['anything', 'else']).ok);
  });
});

describe('signatures in stub notation', () => {
  it('reads names, kinds, types, defaults and the return type', () => {
    const signature = parseSignature("(path: str, parameters: dict = None, sep: str = ', ', *args, **kwargs: Any) -> Dataset");
    assert.equal(signature.returns, 'Dataset');
    assert.deepEqual(signature.params.map((param) => [param.name, param.kind, param.type, param.required, param.default]), [
      ['path', 'positional-or-keyword', 'str', true, undefined],
      ['parameters', 'positional-or-keyword', 'dict', false, 'None'],
      ['sep', 'positional-or-keyword', 'str', false, "', '"],
      ['args', 'var-positional', 'Any', false, undefined],
      ['kwargs', 'var-keyword', 'Any', false, undefined],
    ]);
    assert.equal(parseSignature('()').returns, 'None');
  });

  it('refuses what Python 2 would refuse, naming the problem', () => {
    assert.throws(() => parseSignature('(a: int = 1, b: int)'), SignatureError);
    assert.throws(() => parseSignature('(*args, b: int = 1)'), /keyword-only/);
    assert.throws(() => parseSignature('(a, a)'), /repeated/);
    assert.throws(() => parseSignature('a, b'), /signature must look like/);
    assert.throws(() => parseSignature('(**kw, a)'), /nothing may follow/);
    assert.throws(() => parseSignature('(__proto__: dict)'), /not a parameter name/);
  });

  it('reads back exactly what it writes', () => {
    const name = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,8}$/);
    const type = fc.constantFrom('str', 'int', 'list[str]', 'dict', 'Any');
    const fallback = fc.constantFrom('None', 'True', '0', "'a, b'", '[1, 2]');
    const signatures = fc.uniqueArray(name, { maxLength: 6 }).chain((names) =>
      fc.tuple(fc.nat({ max: names.length }), fc.array(type, { minLength: names.length, maxLength: names.length }),
        fc.array(fallback, { minLength: names.length, maxLength: names.length }), type).map(([requiredCount, types, fallbacks, returns]) => {
        const params: ApiParam[] = names.map((paramName, i) =>
          i < requiredCount
            ? { name: paramName, kind: 'positional-or-keyword', type: types[i], required: true }
            : { name: paramName, kind: 'positional-or-keyword', type: types[i], required: false, default: fallbacks[i] });
        return { params, returns };
      }));
    fc.assert(fc.property(signatures, (signature) => {
      assert.deepEqual(parseSignature(formatSignature(signature)), signature);
    }));
  });
});

describe('name suggestions', () => {
  it('suggests the nearest name, ignoring letter case, and nothing when nothing is close', () => {
    assert.equal(nearestName('getlogger', ['getLogger', 'getLocale']), 'getLogger');
    assert.equal(nearestName('navigat', ['navigate', 'navigateBack']), 'navigate');
    assert.equal(nearestName('xyzzy', ['navigate', 'openPopup']), undefined);
  });
});

describe('finding system.* references in a script', () => {
  let parser: Parser;
  before(async () => {
    parser = await createPythonParser();
  });
  after(() => parser.delete());

  function references(source: string) {
    const tree = parser.parse(source)!;
    try {
      const attributes = collectAttributes(tree.rootNode);
      return systemReferences(attributes, source).map((r) => ({
        name: r.name,
        at: source.slice(r.range.start, r.range.end),
        member: r.memberRange && source.slice(r.memberRange.start, r.memberRange.end),
        called: r.call ? r.call.arguments.map((a) => source.slice(a.start, a.end)) : undefined,
      }));
    } finally {
      tree.delete();
    }
  }

  it('reads each chain once, with where its names are written and the arguments of a direct call', () => {
    const source = [
      'log = system.util.getLogger("x").info',
      'rows = system . db . runPrepQuery("SELECT ?", [system.date.now()])',
      'name = system.util.getLogger.__name__',
      'db = system.db',
      'other = systemx.db.runQuery("q")',
      '',
    ].join('\n');
    assert.deepEqual(references(source), [
      { name: 'system.util.getLogger', at: 'system.util.getLogger', member: 'getLogger', called: ['"x"'] },
      { name: 'system.db.runPrepQuery', at: 'system . db . runPrepQuery', member: 'runPrepQuery', called: ['"SELECT ?"', '[system.date.now()]'] },
      { name: 'system.date.now', at: 'system.date.now', member: 'now', called: [] },
      { name: 'system.util.getLogger', at: 'system.util.getLogger', member: 'getLogger', called: undefined },
      { name: 'system.db', at: 'system.db', member: undefined, called: undefined },
    ]);
  });
});

/** Every attribute node in document order, parents before children, as the linter's walk collects them. */
function collectAttributes(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.type === 'attribute') found.push(node);
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return found;
}
