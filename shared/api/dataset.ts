// system.dataset: building, changing, converting and exporting datasets.
import { ALL_SCOPES, defineModule, VISION_ONLY } from './define';

export const dataset = defineModule('system.dataset', 'Datasets: immutable tables; every change returns a new dataset.', ALL_SCOPES, [
  {
    name: 'addColumn',
    signature: [
      { signature: '(dataset: Dataset, col: list, colName: str, colType: type) -> Dataset', note: 'appends the column' },
      { signature: '(dataset: Dataset, colIndex: int, col: list, colName: str, colType: type) -> Dataset', note: 'inserts the column at colIndex' },
    ],
    doc: 'A new dataset with one more column.',
  },
  {
    name: 'addRow',
    signature: [
      { signature: '(dataset: Dataset, row: list) -> Dataset', note: 'appends the row' },
      { signature: '(dataset: Dataset, rowIndex: int, row: list) -> Dataset', note: 'inserts the row at rowIndex' },
    ],
    doc: 'A new dataset with one more row.',
  },
  {
    name: 'addRows',
    signature: [
      { signature: '(dataset: Dataset, rows: list[list]) -> Dataset', note: 'appends the rows' },
      { signature: '(dataset: Dataset, rowIndex: int, rows: list[list]) -> Dataset', note: 'inserts the rows at rowIndex' },
    ],
    doc: 'A new dataset with more rows.',
  },
  { name: 'appendDataset', signature: '(dataSet1: Dataset, dataSet2: Dataset) -> Dataset', doc: 'The rows of both datasets, which must have the same columns.' },
  { name: 'clearDataset', signature: '(dataset: Dataset) -> Dataset', doc: 'The same columns with no rows.' },
  {
    name: 'dataSetToExcel',
    signature: '(showHeaders: bool, datasets: list[Dataset]) -> str',
    deprecated: { since: '8.1', replacement: 'system.dataset.toExcel' },
    doc: 'Datasets as an Excel XML spreadsheet (legacy).',
  },
  {
    name: 'dataSetToHTML',
    signature: '(showHeaders: bool, dataset: Dataset, title: str) -> str',
    deprecated: { since: '8.1', replacement: 'system.dataset.toCSV, or an HTML table built in the script' },
    doc: 'A dataset as an HTML table (legacy).',
  },
  { name: 'deleteRow', signature: '(dataset: Dataset, rowIndex: int) -> Dataset', doc: 'A new dataset without one row.' },
  { name: 'deleteRows', signature: '(dataset: Dataset, rowIndices: list[int]) -> Dataset', doc: 'A new dataset without some rows.' },
  { name: 'exportCSV', signature: '(filename: str, showHeaders: bool, dataset: Dataset) -> str', scopes: VISION_ONLY, doc: 'Asks the Vision user where to save a dataset as CSV.', perspectiveInstead: 'system.dataset.toCSV with system.perspective.download' },
  {
    name: 'exportExcel',
    signature: '(filename: str, showHeaders: bool, dataset: Any, nullsEmpty: bool = False) -> str',
    scopes: VISION_ONLY,
    doc: 'Asks the Vision user where to save datasets as an Excel file.',
    perspectiveInstead: 'system.dataset.toExcel with system.perspective.download',
  },
  {
    name: 'exportHTML',
    signature: '(filename: str, showHeaders: bool, dataset: Dataset, title: str) -> str',
    scopes: VISION_ONLY,
    doc: 'Asks the Vision user where to save a dataset as an HTML table.',
    perspectiveInstead: 'system.perspective.download',
  },
  { name: 'filterColumns', signature: '(dataset: Dataset, columns: list) -> Dataset', doc: 'A new dataset with only some columns, by name or index.' },
  { name: 'formatDates', signature: '(dataset: Dataset, dateFormat: str, locale: str = None) -> Dataset', doc: 'A new dataset with date columns turned into formatted text.' },
  { name: 'fromCSV', signature: '(csv: str) -> Dataset', doc: 'A dataset from text written by toCSV with forExport.' },
  { name: 'getColumnHeaders', signature: '(dataset: Dataset) -> list[str]', doc: 'The column names.' },
  { name: 'setValue', signature: '(dataset: Dataset, rowIndex: int, columnName: Any, value: Any) -> Dataset', doc: 'A new dataset with one cell changed; the column by name or index.' },
  {
    name: 'sort',
    signature: '(dataset: Dataset, keyColumn: Any, ascending: bool = True, naturalOrdering: bool = None) -> Dataset',
    doc: 'A new dataset sorted on one column, by name or index.',
  },
  {
    name: 'toCSV',
    signature: '(dataset: Dataset, showHeaders: bool = True, forExport: bool = False, localized: bool = False) -> str',
    doc: 'A dataset as CSV text.',
  },
  {
    name: 'toDataSet',
    signature: [
      { signature: '(dataset: PyDataSet) -> Dataset', note: 'converts a PyDataSet' },
      { signature: '(headers: list[str], data: list[list]) -> Dataset', note: 'builds from headers and rows' },
    ],
    doc: 'A dataset from a PyDataSet, or from column names and rows.',
  },
  {
    name: 'toExcel',
    signature: '(showHeaders: bool, dataset: list[Dataset], nullsEmpty: bool = False, sheetNames: list[str] = None) -> bytes',
    doc: 'Datasets as the bytes of an Excel workbook (e.g. for system.perspective.download).',
  },
  { name: 'toPyDataSet', signature: '(dataset: Dataset) -> PyDataSet', doc: 'A dataset that iterates as rows and supports row[column] access.' },
  { name: 'updateRow', signature: '(dataset: Dataset, rowIndex: int, changes: dict) -> Dataset', doc: 'A new dataset with some cells of one row changed.' },
]);
