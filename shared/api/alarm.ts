// system.alarm: querying, acknowledging and shelving alarms.
import { ALL_SCOPES, defineModule } from './define';

const filters =
  'priority: list = None, state: list[str] = None, path: list[str] = None, source: list[str] = None, displaypath: list[str] = None, ' +
  'all_properties: list = None, any_properties: list = None, defined: list[str] = None';

export const alarm = defineModule('system.alarm', 'Alarms: status and journal queries, acknowledgement, shelving, pipelines and rosters.', ALL_SCOPES, [
  {
    name: 'acknowledge',
    signature: '(alarmIds: list[str], notes: str = None, username: str = None) -> list[str]',
    doc: 'Acknowledges alarms by event id; returns the ids that failed.',
  },
  { name: 'cancel', signature: '(alarmIds: list[str]) -> None', doc: 'Cancels alarm pipeline runs for these alarm events.' },
  { name: 'createRoster', signature: '(name: str, description: str = None) -> None', doc: 'Creates an on-call roster.' },
  { name: 'getRosters', signature: '() -> dict', doc: 'The on-call rosters, as {roster: [usernames]}.' },
  { name: 'getShelvedPaths', signature: '() -> list', doc: 'The shelved alarm paths with who shelved them and until when.' },
  { name: 'listPipelines', signature: "(projectName: str = 'alarm-pipelines') -> list[str]", doc: 'The alarm pipelines of a project.' },
  {
    name: 'queryJournal',
    signature:
      `(startDate: Date = None, endDate: Date = None, journalName: str = None, ${filters}, includeData: bool = None, ` +
      'includeSystem: bool = None, isSystem: bool = None, provider: list[str] = None) -> AlarmQueryResult',
    doc: 'Queries an alarm journal over a time range.',
  },
  {
    name: 'queryStatus',
    signature: `(${filters}, includeShelved: bool = False, provider: list[str] = None) -> AlarmQueryResult`,
    doc: 'Queries current alarms; states ClearUnacked, ClearAcked, ActiveUnacked, ActiveAcked; priorities Diagnostic(0) to Critical(4).',
  },
  {
    name: 'shelve',
    signature: '(path: list[str], timeoutSeconds: int = None, timeoutMinutes: int = None) -> None',
    doc: 'Shelves alarms (hides new events) for a time.',
  },
  { name: 'unshelve', signature: '(path: list[str]) -> None', doc: 'Unshelves alarms.' },
]);
