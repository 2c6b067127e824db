// system.tag: reading, writing, browsing and configuring tags, and tag history.
import { ALL_SCOPES, defineModule } from './define';

export const tag = defineModule('system.tag', 'Tags: blocking and async reads and writes, browsing, configuration, history and annotations.', ALL_SCOPES, [
  { name: 'browse', signature: '(path: str, filter: dict = None) -> Results', doc: 'Lists the tags and folders under a path, optionally filtered.' },
  {
    name: 'browseHistoricalTags',
    signature: '(path: str, nameFilters: list[str] = None, maxSize: int = None, continuationPoint: Any = None) -> Results',
    doc: 'Lists the tags stored in a tag history provider.',
  },
  { name: 'configure', signature: "(basePath: str, tags: list[dict], collisionPolicy: str = 'o') -> list[QualityCode]", doc: 'Creates or edits tags from dictionaries of properties.' },
  { name: 'copy', signature: "(tags: list[str], destination: str, collisionPolicy: str = 'o') -> list[QualityCode]", doc: 'Copies tags to a folder.' },
  { name: 'deleteAnnotations', signature: '(paths: list[str], storageIds: list[int]) -> list[QualityCode]', doc: 'Deletes tag history annotations.' },
  { name: 'deleteTags', signature: '(tagPaths: list[str]) -> list[QualityCode]', doc: 'Deletes tags and folders.' },
  { name: 'exists', signature: '(tagPath: str) -> bool', doc: 'Tells whether a tag exists.' },
  {
    name: 'exportTags',
    signature: "(filePath: str = None, tagPaths: list[str] = None, recursive: bool = True, exportType: str = 'json') -> str",
    doc: 'Exports tags to a file, or returns the export when filePath is omitted.',
  },
  { name: 'getConfiguration', signature: '(basePath: str, recursive: bool = False) -> list[dict]', doc: "Returns tags' configuration as dictionaries." },
  { name: 'importTags', signature: "(filePath: str, basePath: str, collisionPolicy: str = 'o') -> list[QualityCode]", doc: 'Imports tags from a JSON or XML file.' },
  { name: 'isOverlaysEnabled', signature: '() -> bool', doc: 'Tells whether quality overlays are shown.' },
  { name: 'move', signature: "(tags: list[str], destination: str, collisionPolicy: str = 'o') -> list[QualityCode]", doc: 'Moves tags to a folder.' },
  {
    name: 'query',
    signature: '(provider: str, query: dict = None, limit: int = None, continuation: str = None) -> Results',
    doc: "Finds tags of a provider matching a Tag Report Tool query.",
  },
  {
    name: 'queryAnnotations',
    signature: '(paths: list[str], startTime: Date = None, endTime: Date = None, types: list[str] = None) -> list[Annotation]',
    doc: 'Reads tag history annotations.',
  },
  {
    name: 'queryTagCalculations',
    signature:
      '(paths: list[str], calculations: list[str], startDate: Date = None, endDate: Date = None, rangeHours: int = None, rangeMinutes: int = None, ' +
      'aliases: list[str] = None, includeBoundingValues: bool = True, validatesSCExec: bool = True, noInterpolation: bool = False, ' +
      'ignoreBadQuality: bool = False) -> Dataset',
    doc: 'Computes aggregates (average, min, max, count...) of tag history over a range.',
  },
  { name: 'queryTagDensity', signature: '(paths: list[str], startDate: Date, endDate: Date) -> Dataset', doc: 'Tells how much history is stored over a range.' },
  {
    name: 'queryTagHistory',
    signature:
      "(paths: list[str], startDate: Date = None, endDate: Date = None, returnSize: int = -1, aggregationMode: str = 'Average', " +
      "returnFormat: str = 'Wide', columnNames: list[str] = None, intervalHours: int = None, intervalMinutes: int = None, " +
      'rangeHours: int = None, rangeMinutes: int = None, aggregationModes: list[str] = None, includeBoundingValues: bool = None, ' +
      'validateSCExec: bool = None, noInterpolation: bool = None, ignoreBadQuality: bool = None, timeout: int = None, ' +
      'intervalSeconds: int = None, rangeSeconds: int = None) -> Dataset',
    doc: 'Reads tag history as a dataset.',
  },
  {
    name: 'read',
    signature: '(tagPath: str) -> QualifiedValue',
    deprecated: { since: '8.1', replacement: 'system.tag.readBlocking' },
    doc: 'Reads one tag (legacy; readBlocking takes a list and returns a list).',
  },
  {
    name: 'readAll',
    signature: '(tagPaths: list[str]) -> list[QualifiedValue]',
    deprecated: { since: '8.1', replacement: 'system.tag.readBlocking' },
    doc: 'Reads several tags (legacy).',
  },
  { name: 'readAsync', signature: '(tagPaths: list[str], callback: Callable) -> None', doc: 'Reads tags without waiting; the callback receives the qualified values.' },
  {
    name: 'readBlocking',
    signature: '(tagPaths: list[str], timeout: int = 45000) -> list[QualifiedValue]',
    doc: 'Reads tags and waits; returns qualified values (.value, .quality, .timestamp) in order.',
  },
  { name: 'rename', signature: "(tag: str, newName: str, collisionPolicy: str = 'a') -> QualityCode", doc: 'Renames a tag or folder.' },
  { name: 'requestGroupExecution', signature: '(provider: str, tagGroup: str) -> None', doc: 'Runs a tag group once now.' },
  { name: 'setOverlaysEnabled', signature: '(enabled: bool) -> None', doc: 'Shows or hides quality overlays.' },
  {
    name: 'storeAnnotations',
    signature:
      '(paths: list[str], startTimes: list[Date], endTimes: list[Date] = None, types: list[str] = None, data: list[str] = None, ' +
      'storageIds: list[int] = None, deleted: list[bool] = None) -> list[QualityCode]',
    doc: 'Stores tag history annotations.',
  },
  {
    name: 'storeTagHistory',
    signature:
      '(historyprovider: str, tagprovider: str, paths: list[str], values: list, qualities: list[int] = None, timestamps: list[Date] = None) -> None',
    doc: 'Inserts values into tag history.',
  },
  {
    name: 'write',
    signature: '(tagPath: str, value: Any, suppressErrors: bool = False) -> int',
    deprecated: { since: '8.1', replacement: 'system.tag.writeBlocking' },
    doc: 'Writes one tag without waiting (legacy).',
  },
  {
    name: 'writeAll',
    signature: '(tagPaths: list[str], values: list) -> list[int]',
    deprecated: { since: '8.1', replacement: 'system.tag.writeBlocking' },
    doc: 'Writes several tags without waiting (legacy).',
  },
  {
    name: 'writeSynchronous',
    signature: '(tagPath: str, value: Any, timeout: int = 45000) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.writeBlocking' },
    doc: 'Writes one tag and waits (legacy).',
  },
  {
    name: 'writeAllSynchronous',
    signature: '(tagPaths: list[str], values: list, timeout: int = 45000) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.writeBlocking' },
    doc: 'Writes several tags and waits (legacy).',
  },
  { name: 'writeAsync', signature: '(tagPaths: list[str], values: list, callback: Callable = None) -> None', doc: 'Writes tags without waiting; the callback receives the quality codes.' },
  {
    name: 'writeBlocking',
    signature: '(tagPaths: list[str], values: list, timeout: int = 45000) -> list[QualityCode]',
    doc: 'Writes tags and waits; returns one quality code per path.',
  },
  {
    name: 'browseTags',
    signature:
      "(parentPath: str = '', tagPath: str = None, tagType: str = None, dataType: str = None, udtParentType: str = None, " +
      "recursive: bool = False, sort: str = 'ASC') -> list[BrowseTag]",
    deprecated: { since: '8.1', replacement: 'system.tag.browse' },
    doc: 'Lists tags under a path (legacy).',
  },
  {
    name: 'browseTagsSimple',
    signature: "(parentPath: str, sort: str = 'ASC') -> list[BrowseTag]",
    deprecated: { since: '8.1', replacement: 'system.tag.browse' },
    doc: 'Lists the tags directly under a path (legacy).',
  },
  {
    name: 'addTag',
    signature: '(parentPath: str, name: str, tagType: str, dataType: str = None, accessRights: str = None, enabled: bool = True, value: Any = None, attributes: dict = None, parameters: dict = None, overrides: dict = None, alarmList: str = None, alarmConfig: dict = None) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.configure' },
    doc: 'Creates a tag (legacy).',
  },
  {
    name: 'editTag',
    signature: '(tagPath: str, attributes: dict = None, parameters: dict = None, accessRights: str = None, overrides: dict = None, alarmList: str = None, alarmConfig: dict = None) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.configure' },
    doc: 'Edits a tag (legacy).',
  },
  {
    name: 'removeTag',
    signature: '(path: str) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.deleteTags' },
    doc: 'Deletes a tag (legacy).',
  },
  {
    name: 'removeTags',
    signature: '(paths: list[str]) -> None',
    deprecated: { since: '8.1', replacement: 'system.tag.deleteTags' },
    doc: 'Deletes tags (legacy).',
  },
]);
