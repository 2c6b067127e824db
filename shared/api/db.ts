// system.db: queries, named queries, transactions and database connections.
import { ALL_SCOPES, defineModule, PROJECT_SCOPES, VISION_ONLY } from './define';

/** Project-scope forms take the project from the script; gateway-scope forms (tag events, timers) must name it. */
const GATEWAY_ONLY = ['gateway'] as const;

export const db = defineModule(
  'system.db',
  'Database access: named queries, prepared queries, transactions, stored procedures and connections.',
  ALL_SCOPES,
  [
    {
      name: 'addDatasource',
      signature:
        "(jdbcDriver: str, name: str, description: str = '', connectUrl: str = None, username: str = None, password: str = None, " +
        'props: str = None, validationQuery: str = None, maxConnections: int = 8) -> None',
      scopes: GATEWAY_ONLY,
      doc: 'Creates a database connection.',
    },
    {
      name: 'beginNamedQueryTransaction',
      signature: [
        { signature: '(database: str = None, isolationLevel: int = None, timeout: int = None) -> str', scopes: PROJECT_SCOPES, note: 'project scope' },
        {
          signature: '(project: str, database: str = None, isolationLevel: int = None, timeout: int = None) -> str',
          scopes: GATEWAY_ONLY,
          note: 'gateway scope: names the project whose named queries join the transaction',
        },
      ],
      doc: 'Begins a transaction for named queries; returns its id for the tx arguments.',
    },
    { name: 'beginTransaction', signature: '(database: str = None, isolationLevel: int = None, timeout: int = None) -> str', doc: 'Begins a transaction; returns its id.' },
    { name: 'clearAllNamedQueryCaches', signature: '(project: str = None) -> None', doc: "Clears the caches of every named query of a project." },
    {
      name: 'clearNamedQueryCache',
      signature: [
        { signature: '(path: str, params: dict = None) -> None', scopes: PROJECT_SCOPES, note: 'project scope' },
        { signature: '(project: str, path: str, params: dict = None) -> None', scopes: GATEWAY_ONLY, note: 'gateway scope' },
      ],
      doc: "Clears a named query's cache, for one set of parameters or all.",
    },
    { name: 'clearQueryCache', signature: '(path: str, parameters: dict = None, project: str = None) -> None', since: '8.3', doc: "Clears a named query's cache." },
    { name: 'closeTransaction', signature: '(tx: str) -> None', doc: 'Closes a transaction; commit or roll back first.' },
    { name: 'commitTransaction', signature: '(tx: str) -> None', doc: 'Commits a transaction.' },
    {
      name: 'createSProcCall',
      signature: '(procedureName: str, database: str = None, tx: str = None, skipAudit: bool = False) -> SProcCall',
      doc: 'Prepares a stored procedure call for execSProcCall.',
    },
    { name: 'dateFormat', signature: '(date: Date, format: str) -> str', doc: 'Formats a date with a Java date pattern (same as system.date.format).' },
    {
      name: 'execQuery',
      signature: '(path: str, parameters: dict = None, tx: str = None, project: str = None) -> Dataset',
      since: '8.3',
      doc: 'Runs a Query-type named query and returns its dataset.',
    },
    {
      name: 'execUpdate',
      signature: '(path: str, parameters: dict = None, tx: str = None, getKey: bool = False, project: str = None) -> int',
      since: '8.3',
      doc: 'Runs an Update-type named query and returns the rows affected (or the generated key).',
    },
    { name: 'execSProcCall', signature: '(callContext: SProcCall) -> None', doc: 'Runs a stored procedure call prepared by createSProcCall.' },
    { name: 'getConnectionInfo', signature: '(name: str = None) -> Dataset', doc: 'Describes one database connection (the default one when name is omitted).' },
    { name: 'getConnections', signature: '() -> Dataset', doc: 'Describes every database connection.' },
    { name: 'refresh', signature: '(component: Any, propertyName: str) -> bool', scopes: VISION_ONLY, doc: "Re-runs a Vision component's query binding." },
    { name: 'removeDatasource', signature: '(name: str) -> None', scopes: GATEWAY_ONLY, doc: 'Deletes a database connection.' },
    { name: 'rollbackTransaction', signature: '(tx: str) -> None', doc: 'Rolls back a transaction.' },
    {
      name: 'runNamedQuery',
      signature: [
        { signature: '(path: str, parameters: dict = None, tx: str = None, getKey: bool = False) -> Any', scopes: PROJECT_SCOPES, note: 'project scope' },
        {
          signature: '(project: str, path: str, parameters: dict = None, tx: str = None, getKey: bool = False) -> Any',
          scopes: GATEWAY_ONLY,
          note: 'gateway scope: names the project that holds the query',
        },
      ],
      deprecated: { since: '8.3', replacement: 'system.db.execQuery / system.db.execUpdate' },
      doc: 'Runs a named query: a dataset for Query, rows affected (or key) for Update, one value for Scalar.',
    },
    {
      name: 'runPrepQuery',
      signature: '(query: str, args: list = None, database: str = None, tx: str = None) -> PyDataSet',
      doc: 'Runs a SELECT with ? placeholders filled from args.',
    },
    {
      name: 'runPrepUpdate',
      signature: '(query: str, args: list = None, database: str = None, tx: str = None, getKey: bool = False, skipAudit: bool = False) -> int',
      doc: 'Runs an INSERT/UPDATE/DELETE with ? placeholders; returns rows affected or the generated key.',
    },
    { name: 'runQuery', signature: '(query: str, database: str = None, tx: str = None) -> PyDataSet', doc: 'Runs a SQL query and returns its rows.' },
    {
      name: 'runSFNamedQuery',
      signature: [
        { signature: '(path: str, params: dict = None) -> bool', scopes: PROJECT_SCOPES, note: 'project scope' },
        { signature: '(project: str, path: str, params: dict = None) -> bool', scopes: GATEWAY_ONLY, note: 'gateway scope' },
      ],
      doc: 'Runs an Update named query through store and forward.',
    },
    { name: 'runSFPrepUpdate', signature: '(query: str, args: list, datasources: list[str]) -> bool', doc: 'Runs a prepared update through store and forward to several connections.' },
    { name: 'runSFUpdateQuery', signature: '(query: str, datasources: list[str]) -> bool', doc: 'Runs an update through store and forward to several connections.' },
    {
      name: 'runScalarPrepQuery',
      signature: '(query: str, args: list = None, database: str = None, tx: str = None) -> Any',
      doc: 'Runs a prepared query and returns the first column of the first row.',
    },
    { name: 'runScalarQuery', signature: '(query: str, database: str = None, tx: str = None) -> Any', doc: 'Runs a query and returns the first column of the first row.' },
    {
      name: 'runUpdateQuery',
      signature: '(query: str, database: str = None, tx: str = None, getKey: bool = False, skipAudit: bool = False) -> int',
      doc: 'Runs an INSERT/UPDATE/DELETE; returns rows affected or the generated key.',
    },
    { name: 'setDatasourceConnectURL', signature: '(name: str, connectUrl: str) -> None', scopes: GATEWAY_ONLY, doc: "Changes a connection's JDBC URL." },
    { name: 'setDatasourceEnabled', signature: '(name: str, enabled: bool) -> None', scopes: GATEWAY_ONLY, doc: 'Enables or disables a connection.' },
    { name: 'setDatasourceMaxConnections', signature: '(name: str, maxConnections: int) -> None', scopes: GATEWAY_ONLY, doc: "Changes a connection's pool size." },
  ],
  {
    constants: [
    'READ_COMMITTED', 'READ_UNCOMMITTED', 'REPEATABLE_READ', 'SERIALIZABLE',
    'BIGINT', 'BINARY', 'BIT', 'BLOB', 'BOOLEAN', 'CHAR', 'CLOB', 'DATALINK', 'DATE', 'DECIMAL', 'DISTINCT', 'DOUBLE',
    'FLOAT', 'INTEGER', 'JAVA_OBJECT', 'LONGNVARCHAR', 'LONGVARBINARY', 'LONGVARCHAR', 'NCHAR', 'NCLOB', 'NULL',
    'NUMERIC', 'NVARCHAR', 'ORACLE_CURSOR', 'OTHER', 'REAL', 'REF', 'ROWID', 'SMALLINT', 'SQLXML', 'STRUCT', 'TIME',
    'TIMESTAMP', 'TINYINT', 'VARBINARY', 'VARCHAR',
    ],
  },
);
