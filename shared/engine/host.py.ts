// Python source of the engine's side inside Pyodide: namespaces, loads, invokes, the value codec, periscope_host.
//
// Everything crosses the worker boundary as JSON text; `_periscope_js.call` is the worker's synchronous channel to
// the runtime. Frames of files not in `user_files` (this prelude, the runtime's modules) are hidden from tracebacks.
// What the Jython engine's side does the same way lives in `_periscope_common` (common.py.ts).
export const hostSource = String.raw`
import builtins
import datetime
import importlib.abc
import importlib.util
import itertools
import json
import linecache
import math
import sys
import types

import _periscope_common as _common
import _periscope_js
import _periscope_java
import _periscope_py2
from _periscope_common import ref
import _periscope_py2_errors
import _periscope_py2_types

_FORBIDDEN_KEYS = ('__proto__', 'constructor', 'prototype')
_MAX_DEPTH = 200

_user_files = _common.user_files
_sources = {}
_module_sources = {}
_py2_builtins = _periscope_py2.make_py2_builtins()


# ---- values ---------------------------------------------------------------------------------------------------

def _encode(value, depth=0):
    if depth > _MAX_DEPTH:
        raise ValueError('value nests deeper than %d levels; is it cyclic?' % _MAX_DEPTH)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, _periscope_java.Date):
        return _common.date_tag(value.getTime())
    custom = getattr(type(value), '__periscope_encode__', None)
    if custom is not None:
        return custom(value)
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            key = key if isinstance(key, str) else str(key)
            if key in _FORBIDDEN_KEYS:
                raise ValueError("the key '%s' cannot be stored: it would reach JavaScript object internals" % key)
            out[key] = _encode(item, depth + 1)
        return _common.data_dict(out)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_encode(item, depth + 1) for item in value]
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return _common.date_tag(int(value.timestamp() * 1000))
    return {'$ref': ref(value)}


_tagged = _common.tagged_hook(_periscope_java.Date)
_tagged_arguments = _common.tagged_hook(_periscope_java.Date, runtime_tags=True)


def _decode(text, hook=_tagged):
    return json.loads(text, object_hook=hook)


# ---- periscope_host --------------------------------------------------------------------------------------------

_unknown_types = {}


def _exception_type(name):
    found = getattr(builtins, name, None)
    if isinstance(found, type) and issubclass(found, BaseException):
        return found
    java = _periscope_java.exception_named(name)
    if java is not None:
        return java
    if name not in _unknown_types:
        # A Java class the shim lacks (java.net.ConnectException) is a Java exception, as on Jython: not an Exception.
        _unknown_types[name] = (_periscope_java.exception_class(name, _periscope_java.JavaException) if '.' in name
                                else type(name, (Exception,), {}))
    return _unknown_types[name]


def call(name, *args):
    """Calls the runtime synchronously; a HostError there raises its Python exception type here."""
    reply = _decode(_periscope_js.call(json.dumps([name, [_encode(a) for a in args]])))
    if 'error' in reply:
        kind, message = reply['error']
        raise _exception_type(kind)(message)
    return _periscope_py2_types.from_host(reply['value'])


def _column(code, lasti, filename, lineno):
    """0-based character column of an instruction, from the byte column Python records."""
    try:
        position = next(itertools.islice(code.co_positions(), lasti // 2, None))
    except (StopIteration, ValueError):
        return None
    byte_column = position[2]
    lines = _sources.get(filename)
    if byte_column is None or lines is None or not 0 < lineno <= len(lines):
        return byte_column
    return len(lines[lineno - 1].encode('utf-8')[:byte_column].decode('utf-8', 'replace'))


def location():
    """(file, line, column) of the innermost user frame in the user's original file, or None outside any script."""
    frame = _common.innermost_user_frame(sys._getframe(1))
    if frame is None:
        return None
    filename = frame.f_code.co_filename
    line, column = _periscope_py2_errors.jython_line(filename, frame.f_lineno, _column(frame.f_code, frame.f_lasti, filename, frame.f_lineno))
    found = call('$location', filename, line, column)
    return None if found is None else tuple(found)


# ---- output ----------------------------------------------------------------------------------------------------

def _emit(stream, text):
    call('$output', stream, text)


# ---- modules the runtime provides -------------------------------------------------------------------------------

class _RuntimeModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path=None, target=None):
        prefix = fullname + '.'
        is_package = any(name.startswith(prefix) for name in _module_sources)
        if fullname not in _module_sources and not is_package:
            return None
        return importlib.util.spec_from_loader(fullname, self, origin='<periscope:%s>' % fullname, is_package=is_package)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        source = _module_sources.get(module.__name__)
        if source is not None:
            exec(compile(source, '<periscope:%s>' % module.__name__, 'exec', dont_inherit=True), module.__dict__)


def install_modules(modules_json):
    _module_sources.update(json.loads(modules_json))


set_first_ref = _common.set_first_ref
set_arg_decoder = _common.set_arg_decoder
release = _common.release


# ---- namespaces, load, invoke -----------------------------------------------------------------------------------


# Python 3 exception classes Python 2 did not have: named as the Python 2 class Jython raises.
_PY2_NAMES = {
    'RecursionError': 'RuntimeError',
    'ModuleNotFoundError': 'ImportError',
    'FileNotFoundError': 'IOError',
    'PermissionError': 'IOError',
    'IsADirectoryError': 'IOError',
}


def _type_name(exc):
    java_name = getattr(type(exc), '_java_name', None)
    if java_name:
        return java_name
    name = type(exc).__name__
    return _PY2_NAMES.get(name, name)


def _message(exc):
    if isinstance(exc, _periscope_java.Throwable):
        return exc.getMessage() or ''
    return _periscope_py2_types.exception_text(exc)


def _failure(exc):
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename in _user_files:
            line, column = _periscope_py2_errors.jython_line(
                code.co_filename, tb.tb_lineno, _column(code, tb.tb_lasti, code.co_filename, tb.tb_lineno))
            frames.append([code.co_filename, line, column, code.co_name])
        tb = tb.tb_next
    failure = {'type': _type_name(exc), 'message': _message(exc), 'frames': frames}
    if isinstance(exc, SyntaxError) and exc.filename in _user_files:
        failure['syntax'] = [exc.filename, exc.lineno or 1, (exc.offset or 1) - 1]
        failure['message'] = exc.msg
    return failure


def _flush():
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, _common.Output):
            stream.flush()
            # Python 2's print leaves a space pending after 'print x,'; a script's output ends with its run.
            stream.softspace = 0


def _finish(result):
    try:
        _flush()
        return json.dumps(result)
    except BaseException as exc:
        return json.dumps({'ok': False, 'error': _failure(exc)})


def load(request_json):
    request = json.loads(request_json)
    filename = request['filename']
    code = request['code']
    if not request.get('internal'):
        _user_files.add(filename)
    _sources[filename] = code.splitlines()
    # The text as written, for tracebacks a script formats; the translated lines stay with the Jython layer.
    source = request.get('source', code)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    _periscope_py2_errors.translated[filename] = _sources[filename]
    namespace = _common.namespace(request['namespace'], request.get('module'), _py2_builtins)
    try:
        exec(compile(code, filename, 'exec', dont_inherit=True), namespace)
        return _finish({'ok': True, 'value': None})
    except BaseException as exc:
        return _finish({'ok': False, 'error': _failure(exc)})


def invoke(request_json):
    try:
        value = _encode(_common.call_target(_decode(request_json, _tagged_arguments)))
        return _finish({'ok': True, 'value': value})
    except BaseException as exc:
        return _finish({'ok': False, 'error': _failure(exc)})


_periscope_java.install()
# Arguments arrive as Jython holds them: strings unicode, dicts Jython's.
_common.set_arrival(_periscope_py2_types.from_host)
_common.install_host_module(call, location)
sys.meta_path.append(_RuntimeModules())
sys.stdout = _common.Output('stdout', _emit)
sys.stderr = _common.Output('stderr', _emit)
`;
