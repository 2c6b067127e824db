// Python source of the engine's guard: names each attempt of a script to reach the host, and refuses it.
//
// The boundary itself is seal.ts (the worker's JavaScript realm); this guard is what makes an attempt a clear
// Python error at the script's line and a divergence naming the call: modules that lead to JavaScript are not
// importable from scripts (a gateway's Jython has none of them: ImportError there too), and the functions that
// run host commands or open sockets raise OSError instead of running.
export const hermeticSource = String.raw`
import importlib.abc
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

_refusals = []


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
`;
