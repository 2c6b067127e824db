import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findParameters, toPositional } from '../../shared/gateway/named-query-sql';

describe('named query parameter references', () => {
  it('finds :name references and keeps their case', () => {
    assert.deepEqual(findParameters('SELECT * FROM t WHERE a = :sessionID AND b = :User_2').map((r) => r.name), ['sessionID', 'User_2']);
  });

  it('ignores colons in strings, quoted names, comments and PostgreSQL casts', () => {
    const sql = `SELECT ':a', "b:c", x::text -- :d\n, /* :e */ :f FROM t WHERE y = 'it''s :g'`;
    assert.deepEqual(findParameters(sql).map((r) => r.name), ['f']);
  });

  it('numbers each distinct name once for PostgreSQL and repeats it for SQLite', () => {
    assert.deepEqual(toPositional('a = :x OR b = :y OR c = :x', 'dollar'), { sql: 'a = $1 OR b = $2 OR c = $1', order: ['x', 'y'] });
    assert.deepEqual(toPositional('a = :x OR b = :y OR c = :x', 'question'), { sql: 'a = ? OR b = ? OR c = ?', order: ['x', 'y', 'x'] });
  });

  it('replaces exactly the references and nothing else', () => {
    const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
    const piece = fc.oneof(
      identifier.map((name) => ({ text: `:${name}`, name })),
      fc.stringMatching(/^[ a-z0-9=<>,()*]{0,10}$/).map((text) => ({ text, name: undefined })),
      fc.stringMatching(/^[a-z: ]{0,8}$/).map((text) => ({ text: `'${text}'`, name: undefined })),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      // A reference followed by identifier characters would be one longer name; separate pieces with a space.
      const sql = pieces.map((p) => p.text).join(' ');
      const expected = pieces.filter((p) => p.name !== undefined).map((p) => p.name);
      const positional = toPositional(sql, 'question');
      assert.deepEqual(positional.order, expected);
      assert.equal(positional.sql, pieces.map((p) => (p.name !== undefined ? '?' : p.text)).join(' '));
    }));
  });
});
