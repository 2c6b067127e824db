// Python source of the engine's guard: names each attempt of a script to reach the host, and refuses it.
//
// The boundary itself is seal.ts (the worker's JavaScript realm); this guard is what makes an attempt a clear
// Python error at the script's line and a divergence naming the call: modules that lead to JavaScript are not
// importable from scripts (a gateway's Jython has none of them: ImportError there too), and the functions that
// run host commands or open sockets raise OSError instead of running. Files a script writes land in the
// interpreter's in-memory file system, standing in for the gateway's disk: each write, and each read of a file
// only a gateway's disk could hold, is named too.
export const hermeticSource = String.raw`
import builtins
import importlib.abc
import io
import json
import os
import posix
import socket
import subprocess
import sys

import _periscope_common
import _periscope_engine

# Modules that lead to the JavaScript host (or, through ctypes, to Emscripten's system()).
_JS_MODULES = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'pyodide_http', 'micropip', 'ctypes',
               '_ctypes', '_periscope_js')
# Where Python's own library and the runtime's modules live: imports made there are theirs, not a script's.
_TRUSTED = ('/lib/python', '<frozen ', '<periscope:')
_PROCESS_CALLS = ('system', 'popen', 'fork', 'forkpty', 'posix_spawn', 'posix_spawnp', 'kill', 'killpg',
                  'execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe',
                  'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe')
_SUBPROCESS_CALLS = ('Popen', 'call', 'check_call', 'check_output', 'run', 'getoutput', 'getstatusoutput')
_SOCKET_METHODS = ('connect', 'connect_ex', 'bind', 'sendto', 'sendmsg')
_SOCKET_CALLS = ('create_connection', 'create_server', 'fromfd', 'socketpair')

# Calls that change the gateway's disk, and how to tell the path (and, for os.open, the flags) from their arguments.
_FILE_WRITES = ('remove', 'unlink', 'rmdir', 'removedirs', 'mkdir', 'makedirs', 'rename', 'renames', 'replace',
                'chmod', 'chown', 'truncate', 'symlink', 'link', 'utime', 'mkfifo', 'mknod')
_OPEN_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# Where the interpreter keeps Python's own library: reading it is the interpreter's business, not the gateway's disk.
_LIBRARY = ('/lib/', '/usr/lib/')

_REAL_MAKEDIRS = os.makedirs

_refusals = []
# True while a watched file call runs: the calls it makes itself (makedirs' mkdir, open's os.open) are its own.
_in_file_call = []


def _where():
    frame = _periscope_common.innermost_user_frame(sys._getframe(1))
    if frame is None:
        return None
    filename = frame.f_code.co_filename
    return [filename, frame.f_lineno, _periscope_engine._column(frame.f_code, frame.f_lasti, filename, frame.f_lineno)]


def refuse(call, reach):
    """Records an attempt; reach is 'javascript' (the simulator's own host) or 'host' (what a gateway would run)."""
    _refusals.append({'call': call, 'reach': reach, 'at': _where()})


def take():
    """The attempts since the last take, as JSON."""
    taken = json.dumps(_refusals)
    del _refusals[:]
    return taken


def _host_call(name):
    def refused(*args, **kwargs):
        refuse(name, 'host')
        raise OSError('%s does not run in the simulator: scripts cannot reach the machine running it' % name)
    refused.__name__ = name.rsplit('.', 1)[-1]
    return refused


def _file_call(call, path, writes, run):
    """Runs a script's file call on the interpreter's in-memory file system, naming what it would do on a gateway:
    every write, and a read of a file this file system does not have (a gateway's disk may)."""
    if _in_file_call:
        return run()
    where = _where()
    if where is not None and not isinstance(path, int):
        try:
            name = os.fsdecode(path)
        except TypeError:
            name = ''
        if not os.path.abspath(name).startswith(_LIBRARY):
            if writes:
                _refusals.append({'call': call, 'reach': 'gateway-write', 'at': where})
            elif name and not os.path.exists(name):
                _refusals.append({'call': call, 'reach': 'gateway-read', 'at': where})
    _in_file_call.append(True)
    try:
        return run()
    finally:
        _in_file_call.pop()


def _shown(value):
    """An argument as the divergence names it: text in plain quotes (Python 2's u'' would only distract)."""
    if isinstance(value, (str, bytes, os.PathLike)):
        return "'%s'" % os.fsdecode(value)
    return repr(value)


def _make_parents(path):
    """The folders a written file needs: a gateway's disk has its own; here they are made in memory."""
    try:
        folder = os.path.dirname(os.path.abspath(os.fsdecode(path)))
    except TypeError:
        return
    if not os.path.isdir(folder):
        try:
            _REAL_MAKEDIRS(folder)
        except OSError:
            pass


def _watched_open(real):
    def open(file, mode='r', *args, **kwargs):
        writes = any(flag in str(mode) for flag in 'wax+')
        call = 'open(%s, %s)' % (_shown(file), _shown(mode)) if mode != 'r' else 'open(%s)' % _shown(file)

        def run():
            if writes and not isinstance(file, int):
                _make_parents(file)
            return real(file, mode, *args, **kwargs)
        return _file_call(call, file, writes, run)
    open.__name__ = real.__name__
    return open


def _watched_os_open(real):
    def open(path, flags, *args, **kwargs):
        def run():
            if flags & os.O_CREAT:
                _make_parents(path)
            return real(path, flags, *args, **kwargs)
        return _file_call('os.open(%s)' % _shown(path), path, bool(flags & _OPEN_WRITE_FLAGS), run)
    open.__name__ = 'open'
    return open


def _watched_write(name, real):
    def write(*args, **kwargs):
        return _file_call('os.%s(%s)' % (name, ', '.join(_shown(a) for a in args)), args[0] if args else None, True,
                          lambda: real(*args, **kwargs))
    write.__name__ = name
    return write


def _watched_listdir(real):
    def listdir(path='.'):
        return _file_call('os.listdir(%s)' % _shown(path), path, False, lambda: real(path))
    listdir.__name__ = 'listdir'
    return listdir


# The Jython layer's __import__ (Python 2's shims first): a script's import passes through it.
_IMPORT_SHIM = ('<periscope:_periscope_py2>', '_import')


def _importer():
    """Filename of the code that asked for the import, past the import machinery's own frames."""
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if not (filename.startswith('<frozen importlib') or filename.endswith('importlib/__init__.py')
                or (filename, frame.f_code.co_name) == _IMPORT_SHIM):
            return filename
        frame = frame.f_back
    return ''


class _Guard(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        importer = _importer()
        if fullname.split('.', 1)[0] not in _JS_MODULES or (
                importer.startswith(_TRUSTED) and importer not in _periscope_common.user_files):
            return None
        refuse('import %s' % fullname, 'javascript')
        raise ImportError('No module named %s' % fullname.split('.', 1)[0])


def install():
    for name in list(sys.modules):
        if name.split('.', 1)[0] in _JS_MODULES:
            del sys.modules[name]
    sys.meta_path.insert(0, _Guard())
    for module in (os, posix):
        for name in _PROCESS_CALLS:
            if hasattr(module, name):
                setattr(module, name, _host_call('os.' + name))
    for name in _SUBPROCESS_CALLS:
        setattr(subprocess, name, _host_call('subprocess.' + name))
    for name in _SOCKET_METHODS:
        setattr(socket.socket, name, _host_call('socket.' + name))
    for name in _SOCKET_CALLS:
        setattr(socket, name, _host_call('socket.' + name))
    watched_open = _watched_open(builtins.open)
    # Scripts' builtins are copies made before this runs (Python 2's names, the __builtin__ module): each gets it.
    for names in (vars(builtins), _periscope_engine._py2_builtins, vars(sys.modules['_periscope_py2']._shims['__builtin__'])):
        names['open'] = watched_open
    io.open = watched_open
    # os, not posix: the import machinery writes its caches through posix, and a script's file calls go through os.
    os.open = _watched_os_open(os.open)
    os.listdir = _watched_listdir(os.listdir)
    for name in _FILE_WRITES:
        if hasattr(os, name):
            setattr(os, name, _watched_write(name, getattr(os, name)))
`;
