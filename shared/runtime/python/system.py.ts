// Python source of `periscope_system`: the simulated `system.*` package; each function is a host call.
export const systemModule = String.raw`
import periscope_host
from periscope_perspective import INTEGER, TEXT, plain, text, where

_call = periscope_host.call

try:
    # On the Pyodide engine, messages are spelled as Jython spells them (floats, unicode, % formatting).
    from _periscope_py2_types import py2_text as _text, py2_format as _format
except ImportError:
    _text = unicode
    _format = lambda fmt, args: fmt % args


class _Package(object):
    """A system.* package: known functions are methods; anything else is reported by the runtime."""
    _name = 'system'

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        full = '%s.%s' % (self._name, name)
        _call('system.unknown', full, where())

        def unknown(*args, **kwargs):
            return None
        return unknown


# --- system.date -----------------------------------------------------------------------------------------

def _ms(date):
    if date is None:
        raise TypeError('expected a date, got None')
    if hasattr(date, 'getTime'):
        return date.getTime()
    if isinstance(date, INTEGER + (float,)):
        return date
    raise TypeError('expected a date, got %s' % type(date).__name__)


def _date(ms):
    return _call('date.make', ms)


def _between(unit_ms):
    def between(date1, date2):
        return int((_ms(date2) - _ms(date1)) / float(unit_ms))
    return between


def _adder(unit):
    def add(date, amount):
        return _call('date.add', _ms(date), unit, int(amount))
    return add


class _Date(_Package):
    _name = 'system.date'
    millisBetween = staticmethod(_between(1))
    secondsBetween = staticmethod(_between(1000))
    minutesBetween = staticmethod(_between(60000))
    hoursBetween = staticmethod(_between(3600000))
    daysBetween = staticmethod(_between(86400000))
    addMillis = staticmethod(_adder('millis'))
    addSeconds = staticmethod(_adder('seconds'))
    addMinutes = staticmethod(_adder('minutes'))
    addHours = staticmethod(_adder('hours'))
    addDays = staticmethod(_adder('days'))
    addWeeks = staticmethod(_adder('weeks'))
    addMonths = staticmethod(_adder('months'))
    addYears = staticmethod(_adder('years'))

    @staticmethod
    def now():
        return _call('date.now')

    @staticmethod
    def format(date, format='yyyy-MM-dd HH:mm:ss'):
        return _call('date.format', _ms(date), format)

    @staticmethod
    def parse(text, format='yyyy-MM-dd HH:mm:ss', locale=None):
        return _call('date.parse', text, format)

    @staticmethod
    def fromMillis(millis):
        return _date(millis)

    @staticmethod
    def toMillis(date):
        return _ms(date)

    @staticmethod
    def isAfter(date1, date2):
        return _ms(date1) > _ms(date2)

    @staticmethod
    def isBefore(date1, date2):
        return _ms(date1) < _ms(date2)


# --- system.util -----------------------------------------------------------------------------------------

class Logger(object):
    def __init__(self, name):
        self.name = name

    def _log(self, level, message):
        _call('util.log', self.name, level, _text(message))

    def _logf(self, level, fmt, args):
        self._log(level, _format(fmt, tuple(args)) if args else fmt)

    def trace(self, message, *rest): self._log('trace', message)
    def debug(self, message, *rest): self._log('debug', message)
    def info(self, message, *rest): self._log('info', message)
    def warn(self, message, *rest): self._log('warn', message)
    def error(self, message, *rest): self._log('error', message)
    def tracef(self, fmt, *args): self._logf('trace', fmt, args)
    def debugf(self, fmt, *args): self._logf('debug', fmt, args)
    def infof(self, fmt, *args): self._logf('info', fmt, args)
    def warnf(self, fmt, *args): self._logf('warn', fmt, args)
    def errorf(self, fmt, *args): self._logf('error', fmt, args)
    def isTraceEnabled(self): return False
    def isDebugEnabled(self): return False
    def isInfoEnabled(self): return True
    def getName(self): return self.name


class _Util(_Package):
    _name = 'system.util'

    @staticmethod
    def getLogger(name):
        return Logger(name)

    @staticmethod
    def audit(action=None, actionTarget=None, actionValue=None, auditProfile=None, actor=None, actorHost=None,
              originatingSystem=None, eventTimestamp=None, originatingContext=None, statusCode=None):
        _call('util.audit', plain({'action': action, 'actionTarget': actionTarget, 'actionValue': actionValue,
                                   'auditProfile': auditProfile, 'actor': actor, 'actorHost': actorHost}))

    @staticmethod
    def jsonEncode(pyObj, indentFactor=None):
        return _call('util.jsonEncode', plain(pyObj), indentFactor)

    @staticmethod
    def jsonDecode(jsonString):
        return _call('util.jsonDecode', jsonString)

    @staticmethod
    def sendMessage(project, messageHandler, payload=None, scope=None, clientSessionId=None, user=None,
                    hasRole=None, hostName=None, remoteServers=None):
        return _call('util.sendMessage', project, messageHandler, plain(payload), scope, clientSessionId, user,
                     hasRole, hostName, where())

    @staticmethod
    def invokeAsynchronous(function, args=None, kwargs=None, description=None):
        if not callable(function):
            raise TypeError('invokeAsynchronous() needs a function, got %s' % type(function).__name__)
        ref = periscope_host.ref(lambda: function(*(args or []), **(kwargs or {})))
        _call('util.invokeAsynchronous', ref, description)

    @staticmethod
    def execute(commands):
        _call('util.execute', [text(c) for c in commands], where())

    @staticmethod
    def getSessionInfo(usernameFilter=None, projectFilter=None):
        return _call('perspective', 'getSessionInfo', {'usernameFilter': usernameFilter, 'projectFilter': projectFilter}, where())


# --- system.perspective ----------------------------------------------------------------------------------

def _perspective(name):
    def call(*args, **kwargs):
        return _call('perspective', name, plain({'args': list(args), 'kwargs': kwargs}), where())
    call.__name__ = name
    return call


class _Perspective(_Package):
    """Every name is passed to the runtime, which knows Perspective's functions from the system.* table."""
    _name = 'system.perspective'

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return _perspective(name)


# --- system.db and system.dataset ------------------------------------------------------------------------

class Row(object):
    def __init__(self, dataset, index):
        self._dataset = dataset
        self._index = index

    def __getitem__(self, key):
        return self._dataset.getValueAt(self._index, key)

    def __len__(self):
        return len(self._dataset._columns)

    def __iter__(self):
        return iter(self._dataset._rows[self._index])

    def __repr__(self):
        return repr(list(self._dataset._rows[self._index]))


class Dataset(object):
    """A query result: rowCount, getRowCount(), getColumnNames(), getValueAt(row, col), iteration over rows."""

    def __init__(self, columns, rows):
        self._columns = list(columns)
        self._rows = [list(r) for r in rows]
        self.rowCount = len(self._rows)
        self.columnCount = len(self._columns)

    def getRowCount(self): return self.rowCount
    def getColumnCount(self): return self.columnCount
    def getColumnNames(self):
        # A java.util.List<String> on a gateway: it prints as [id, author].
        from java.util import ArrayList
        return ArrayList(self._columns)

    def getColumnName(self, index): return self._columns[index]

    def getColumnIndex(self, name):
        try:
            return self._columns.index(name)
        except ValueError:
            return -1

    def getValueAt(self, row, col):
        if not isinstance(col, INTEGER):
            index = self.getColumnIndex(col)
            if index < 0:
                raise ValueError("Column '%s' does not exist in this dataset (columns: %s)" % (col, ', '.join(self._columns)))
            col = index
        if row < 0 or row >= self.rowCount:
            raise IndexError('Row %d does not exist; the dataset has %d rows' % (row, self.rowCount))
        return self._rows[row][col]

    def __len__(self): return self.rowCount
    def __getitem__(self, index): return Row(self, index)
    def __iter__(self): return iter([Row(self, i) for i in range(self.rowCount)])

    def __periscope_encode__(self):
        return {'columns': self._columns, 'rows': self._rows}

    def __repr__(self):
        return 'Dataset [%dR x %dC]' % (self.rowCount, self.columnCount)


def _result(found):
    kind = found['type']
    if kind == 'Query':
        return Dataset(found.get('columns') or [], found.get('rows') or [])
    if kind == 'Scalar':
        return found.get('value')
    return found.get('value')


class _Db(_Package):
    _name = 'system.db'

    @staticmethod
    def runNamedQuery(*args, **kwargs):
        # Project scope: (path, parameters, tx, getKey); gateway scope: (project, path, parameters, tx, getKey).
        names = ['path', 'parameters', 'tx', 'getKey']
        if len(args) >= 2 and isinstance(args[1], TEXT):
            names = ['project'] + names
        call = dict(zip(names, args))
        call.update(kwargs)
        return _result(_call('db.namedQuery', call.get('project'), call.get('path'), plain(call.get('parameters') or {}),
                             bool(call.get('getKey')), where()))

    @staticmethod
    def execQuery(path, parameters=None, tx=None, project=None):
        return _result(_call('db.namedQuery', project, path, plain(parameters or {}), False, where()))

    @staticmethod
    def execUpdate(path, parameters=None, tx=None, project=None, getKey=False):
        return _result(_call('db.namedQuery', project, path, plain(parameters or {}), bool(getKey), where()))


class _DatasetFns(_Package):
    _name = 'system.dataset'

    @staticmethod
    def toPyDataSet(dataset):
        return dataset

    @staticmethod
    def toDataSet(headers, rows=None):
        if rows is None:
            return headers
        return Dataset(headers, rows)


# --- system.tag ------------------------------------------------------------------------------------------

class Quality(object):
    def __init__(self, q):
        self.name = q['name']
        self._good = q['good']
        self.code = q['code']

    def isGood(self): return self._good
    def isBad(self): return not self._good
    def getName(self): return self.name
    def getCode(self): return self.code
    def __str__(self): return self.name
    __repr__ = __str__

    def __periscope_encode__(self):
        return self.name


class QualifiedValue(object):
    def __init__(self, q):
        self.value = q['value']
        self.quality = Quality(q['quality'])
        self.timestamp = q['timestamp']

    def getValue(self): return self.value
    def getQuality(self): return self.quality
    def getTimestamp(self): return self.timestamp

    def __periscope_encode__(self):
        return {'value': plain(self.value), 'quality': self.quality.name}

    def __repr__(self):
        return '[%r, %s, %s]' % (self.value, self.quality, self.timestamp)


def _paths(paths):
    if isinstance(paths, TEXT):
        return [paths]
    return [text(p) for p in paths]


class _Tag(_Package):
    _name = 'system.tag'

    @staticmethod
    def readBlocking(tagPaths, timeout=45000):
        return [QualifiedValue(q) for q in _call('tag.read', _paths(tagPaths), where())]

    @staticmethod
    def writeBlocking(tagPaths, values, timeout=45000):
        if isinstance(tagPaths, TEXT):
            values = [values]
        return [Quality(q) for q in _call('tag.write', _paths(tagPaths), plain(list(values)), where())]

    @staticmethod
    def readAsync(tagPaths, callback):
        callback(_Tag.readBlocking(tagPaths))

    # The forms Ignition 8.1 deprecated: still on the gateway, and common in real projects' library scripts.
    @staticmethod
    def read(tagPath):
        return _Tag.readBlocking([tagPath])[0]

    @staticmethod
    def readAll(tagPaths):
        return _Tag.readBlocking(tagPaths)

    @staticmethod
    def write(tagPath, value, suppressErrors=False):
        # 1: the write succeeded, 0: it failed (2, pending, is for devices a simulation does not have).
        return 1 if _Tag.writeBlocking([tagPath], [value])[0].isGood() else 0

    @staticmethod
    def writeAll(tagPaths, values):
        return [1 if q.isGood() else 0 for q in _Tag.writeBlocking(tagPaths, values)]

    @staticmethod
    def writeSynchronous(tagPath, value, timeout=45000):
        _Tag.writeBlocking([tagPath], [value])

    @staticmethod
    def writeAllSynchronous(tagPaths, values, timeout=45000):
        _Tag.writeBlocking(tagPaths, values)


# --- system.alarm ----------------------------------------------------------------------------------------

PRIORITIES = ['Diagnostic', 'Low', 'Medium', 'High', 'Critical']


class AlarmPriority(object):
    def __init__(self, level):
        self.level = level
        self.name = PRIORITIES[level]

    def ordinal(self): return self.level
    def __int__(self): return self.level
    def __str__(self): return self.name
    __repr__ = __str__

    def __eq__(self, other):
        return other == self.name or other == self.level or (isinstance(other, AlarmPriority) and other.level == self.level)

    def __ne__(self, other): return not self.__eq__(other)
    def __hash__(self): return self.level

    def __periscope_encode__(self):
        return self.name


class _EventData(object):
    def __init__(self, timestamp):
        self._timestamp = timestamp

    def getTimestamp(self): return self._timestamp


class AlarmEvent(object):
    """An alarm of system.alarm.queryStatus: Java getters, and bean properties for them (alarm.name)."""
    __slots__ = ('id', 'source', 'displayPath', 'name', 'priority', 'state', 'acked', 'cleared', 'label', '_active')

    def __init__(self, e):
        self.id = e['id']
        self.source = e['source']
        self.displayPath = e['displayPath']
        self.name = e['name']
        self.priority = AlarmPriority(e['priority'])
        self.state = e['state']
        self.acked = e['acked']
        self.cleared = e['cleared']
        self.label = e.get('label') or e['name']
        self._active = e['activeTime']

    def getId(self): return self.id
    def getSource(self): return self.source
    def getDisplayPath(self): return self.displayPath
    def getName(self): return self.name
    def getPriority(self): return self.priority
    def getState(self): return self.state
    def getLabel(self): return self.label
    def isAcked(self): return self.acked
    def isCleared(self): return self.cleared
    def getActiveData(self): return _EventData(self._active)

    def __getattr__(self, name):
        raise AttributeError("'PyAlarmEvent' object has no attribute '%s'" % name)

    def __periscope_encode__(self):
        return {'id': self.id, 'source': self.source, 'name': self.name, 'priority': self.priority.name, 'state': self.state}

    def __repr__(self):
        return 'AlarmEvent(%s, %s, %s)' % (self.source, self.name, self.state)


class AlarmResult(list):
    def getDataset(self):
        return Dataset(['EventId', 'Source', 'DisplayPath', 'Name', 'Priority', 'State'],
                       [[a.id, a.source, a.displayPath, a.name, a.priority.level, a.state] for a in self])


class _Alarm(_Package):
    _name = 'system.alarm'

    @staticmethod
    def queryStatus(priority=None, state=None, path=None, source=None, displaypath=None, all_properties=None,
                    any_properties=None, defined=None, includeShelved=False, provider=None):
        query = plain({'priority': priority, 'state': state, 'path': path, 'source': source,
                       'displaypath': displaypath, 'includeShelved': includeShelved, 'provider': provider})
        return AlarmResult(AlarmEvent(e) for e in _call('alarm.queryStatus', query))


# --- system.file and system.net: the gateway's machine, simulated (files in the run's memory, no requests) --------

class _File(_Package):
    _name = 'system.file'

    @staticmethod
    def writeFile(filepath, data, append=False, encoding='UTF-8'):
        _call('file.write', filepath, data if isinstance(data, TEXT) else [int(b) & 0xff for b in data], bool(append))

    @staticmethod
    def readFileAsString(filepath, encoding='UTF-8'):
        return _call('file.readString', filepath)

    @staticmethod
    def readFileAsBytes(filepath):
        return bytearray(_call('file.readBytes', filepath))

    @staticmethod
    def fileExists(filepath):
        return _call('file.exists', filepath)

    @staticmethod
    def getTempFile(extension):
        return _call('file.temp', extension)


def _request(name):
    def request(url, *args, **kwargs):
        return _call('net.request', name, url, where())
    request.__name__ = name
    return staticmethod(request)


class _Net(_Package):
    _name = 'system.net'

    @staticmethod
    def getHostName():
        return _call('net.hostName')

    @staticmethod
    def getIpAddress():
        return _call('net.ipAddress')

    httpGet = _request('httpGet')
    httpPost = _request('httpPost')
    httpPut = _request('httpPut')
    httpDelete = _request('httpDelete')
    httpClient = _request('httpClient')
    sendEmail = _request('sendEmail')


class _System(_Package):
    _name = 'system'
    date = _Date()
    file = _File()
    net = _Net()
    util = _Util()
    perspective = _Perspective()
    db = _Db()
    dataset = _DatasetFns()
    tag = _Tag()
    alarm = _Alarm()


def _brief(value, depth=0):
    """A JSON-safe summary of an argument or result for the trace; never a host call, never a kept object."""
    if value is None or isinstance(value, (bool, float) + INTEGER + TEXT):
        return value if not isinstance(value, TEXT) or len(value) <= 200 else value[:200] + u'\u2026'
    if hasattr(value, 'getTime') and callable(value.getTime):
        return {'$date': value.getTime()}
    if depth < 3 and isinstance(value, dict):
        return dict((text(k), _brief(v, depth + 1)) for k, v in list(value.items())[:20])
    if depth < 3 and isinstance(value, (list, tuple)):
        return [_brief(v, depth + 1) for v in value[:20]]
    return u'<%s>' % type(value).__name__


def _recorded(full, function):
    # A call whose simulation already told the trace what it did (a query, a tag read, a navigation...) is not
    # recorded twice: the runtime compares the trace before and after.
    def call(*args, **kwargs):
        before = _call('system.enter')
        result = function(*args, **kwargs)
        _call('system.called', full, before, _brief(list(args)), _brief(kwargs), _brief(result))
        return result
    call.__name__ = function.__name__
    call.__doc__ = function.__doc__
    return call


def _record_calls(package):
    for name, member in list(vars(type(package)).items()):
        if isinstance(member, staticmethod) and not name.startswith('_'):
            setattr(type(package), name, staticmethod(_recorded('%s.%s' % (package._name, name), member.__func__)))
        elif isinstance(member, _Package):
            _record_calls(member)


system = _System()
_record_calls(system)
`;
