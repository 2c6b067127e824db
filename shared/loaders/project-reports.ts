// Reports: `com.inductiveautomation.reporting/reports/<name>/data.bin`, a serialized ReportResource whose script
// data sources (ScriptReportDataObject) hold a body the gateway runs as `def updateData(data, sample):`.
import type { Script } from '../source/script';
import type { ProjectReader } from './project-files';
import { readSerialized, serializedScript, setterValue } from './serialized-scripts';

export const REPORTS_FOLDER = 'com.inductiveautomation.reporting/reports';

const UPDATE_DATA = { name: 'updateData', params: ['data', 'sample'] };

export function loadReports(reader: ProjectReader): Script[] {
  const scripts: Script[] = [];
  reader.walk(reader.path(REPORTS_FOLDER), (folder, name, entries) => {
    if (name === '' || !entries.some((e) => e.isFile() && e.name === 'data.bin')) return;
    const source = readSerialized(reader, `${folder}/data.bin`, 'report');
    const stack = source ? [source.root] : [];
    let index = 0;
    while (source && stack.length > 0) {
      const element = stack.shift()!;
      stack.push(...element.children);
      if (element.name !== 'o' || !/ScriptReportDataObject$/.test(element.attrs.cls ?? '')) continue;
      const body = setterValue(source, element, 'setScript');
      if (body === undefined) continue;
      const dataSource = setterValue(source, element, 'setName') ?? `script ${++index}`;
      scripts.push(serializedScript({
        source, location: `${name}/${dataSource}`, body, stored: { wrap: UPDATE_DATA },
        role: { kind: 'report-data-source', report: name, name: dataSource }, title: `report ${name} ${dataSource}`,
      }));
    }
  });
  return scripts;
}
