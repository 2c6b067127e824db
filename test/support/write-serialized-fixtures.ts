// Writes the gzipped binary data.bin fixtures from their hand-written XML sources in test/fixtures/serialized/
// (run: node --import tsx test/support/write-serialized-fixtures.ts). The XML-form fixtures are copied as they are.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeSerialized } from '../../shared/loaders/ignition-serialization';
import { encodeSerialized } from './ignition-serialization';

const SOURCES = join(import.meta.dirname, '../fixtures/serialized');

/** Source XML → where its data.bin goes, and in which form. */
export const SERIALIZED_FIXTURES: ReadonlyArray<{ source: string; target: string; form: 'binary' | 'xml' }> = [
  { source: 'project-81-event-scripts.xml', target: 'test/fixtures/project-81/ignition/event-scripts/data.bin', form: 'binary' },
  { source: 'project-81-report.xml', target: 'test/fixtures/project-81/com.inductiveautomation.reporting/reports/Open Orders/data.bin', form: 'binary' },
  { source: 'project-83-pipeline.xml', target: 'test/fixtures/project-83/com.inductiveautomation.alarm-notification/alarm-pipelines/Log Alarms/data.bin', form: 'xml' },
];

export function serializedFixtureBytes(source: string, form: 'binary' | 'xml'): Buffer {
  const xml = readFileSync(join(SOURCES, source), 'utf8');
  if (form === 'xml') return Buffer.from(xml, 'utf8');
  const decoded = decodeSerialized(Buffer.from(xml, 'utf8'));
  if ('error' in decoded) throw new Error(`${source}: ${decoded.error}`);
  return encodeSerialized(decoded.root);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const { source, target, form } of SERIALIZED_FIXTURES) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, serializedFixtureBytes(source, form));
    console.log(`wrote ${target}`);
  }
}
