import { strict as assert } from 'node:assert';
import { FixtureTagProvider } from '../../shared/gateway/tags';

const tagExport = {
  name: '',
  tagType: 'Provider',
  tags: [
    {
      name: 'Tank', tagType: 'Folder',
      tags: [
        { name: 'Level', tagType: 'AtomicTag', valueSource: 'memory', dataType: 'Float8', value: 42.5 },
        { name: 'Running', tagType: 'AtomicTag', valueSource: 'memory', dataType: 'Boolean', value: true },
        { name: 'Setpoint', tagType: 'AtomicTag', valueSource: 'memory', dataType: 'Int4', value: 50 },
      ],
    },
  ],
};

describe('the tag provider', () => {
  it('reads a flat {path: value} map with Good quality and the clock\'s timestamp', () => {
    const tags = new FixtureTagProvider({ '[default]Line1/Speed': 120, 'Line1/Mode': 'auto' }, () => 1000);
    assert.deepEqual(tags.read(['[default]Line1/Speed', 'Line1/Mode']).map((q) => [q.value, q.quality.name, q.timestamp]), [
      [120, 'Good', 1000],
      ['auto', 'Good', 1000],
    ]);
  });

  it('reads Ignition\'s tag export JSON, folders included in the path', () => {
    const tags = new FixtureTagProvider(tagExport, () => 0);
    assert.deepEqual(tags.read(['[default]Tank/Level', 'Tank/Running']).map((q) => q.value), [42.5, true]);
    assert.deepEqual(tags.paths(), ['[default]Tank/Level', '[default]Tank/Running', '[default]Tank/Setpoint']);
  });

  it('treats the [default] prefix, letter case and a trailing .value as the same tag, like a gateway', () => {
    const tags = new FixtureTagProvider(tagExport, () => 0);
    assert.deepEqual(tags.read(['tank/level', '[default]TANK/Level.Value', '[]Tank/Level']).map((q) => q.value), [42.5, 42.5, 42.5]);
  });

  it('answers an unknown path with Bad_NotFound quality, a null value and the time of the read', () => {
    let now = 0;
    const tags = new FixtureTagProvider(tagExport, () => now);
    now = 2500;
    const [missing] = tags.read(['Tank/Levle']);
    assert.equal(missing.value, null);
    assert.equal(missing.timestamp, 2500);
    assert.deepEqual({ name: missing.quality.name, good: missing.quality.good, code: missing.quality.code }, { name: 'Bad_NotFound', good: false, code: 519 });
    assert.equal(tags.read(['[other]Tank/Level'])[0].quality.name, 'Bad_NotFound');
  });

  it('updates value and timestamp on write, converting to the tag\'s data type', () => {
    const tags = new FixtureTagProvider(tagExport, () => 0);
    const results = tags.write(['Tank/Setpoint', 'Tank/Running', 'Tank/Nope'], ['55', 0, 1], 5000);
    assert.deepEqual(results.map((q) => q.name), ['Good', 'Good', 'Bad_NotFound']);
    assert.deepEqual(tags.read(['Tank/Setpoint', 'Tank/Running']).map((q) => [q.value, q.timestamp]), [[55, 5000], [false, 5000]]);
  });

  it('refuses a write that does not convert, leaving the value as it was', () => {
    const tags = new FixtureTagProvider(tagExport, () => 0);
    assert.equal(tags.write(['Tank/Level'], ['high'], 10)[0].name, 'Error_TypeConversion');
    assert.equal(tags.read(['Tank/Level'])[0].value, 42.5);
  });
});
