// Python 2.7 source of the Jython engine's side inside the JVM: the channel to Node, namespaces, loads, invokes,
// the value codec, periscope_host, and the guards that keep one script from ending or silencing the JVM.
//
// Frames on the loopback socket are a 4-byte big-endian length and UTF-8 text "<op> <id>\n<JSON body>". Node
// sends setup, load, invoke, release, reply (to a host call) and interrupt; this side sends ready, result, host
// (a synchronous call into the runtime, answered by a reply frame) and output. Only the script thread (the JVM's
// main thread) makes host calls; a reader thread takes frames off the socket so that an interrupt reaches a busy
// script. Everything this side writes is ASCII JSON, so no byte a script produces can break a frame. What the
// Pyodide engine's side does the same way lives in `_periscope_common` (common.py.ts).
export const jythonHostSource = String.raw`
import datetime
import json
import math
import os
import sys

import jarray
import java.lang
from java.io import BufferedInputStream, BufferedOutputStream, BufferedReader, DataInputStream, DataOutputStream
from java.io import EOFException, InputStreamReader, OutputStream, PrintStream
from java.lang import InheritableThreadLocal, InterruptedException, OutOfMemoryError, Runtime, System, Thread, Throwable
from java.lang import String as JavaString
from java.net import InetAddress, Socket
from java.util import Collection, Date, Map
from java.util.concurrent import LinkedBlockingQueue
from java.util.concurrent.locks import ReentrantLock
from org.python.core import CompileMode, CompilerFlags, Py

import _periscope_common as _common
from _periscope_common import ref

_FORBIDDEN_KEYS = ('__proto__', 'constructor', 'prototype')
_MAX_DEPTH = 200
_ENGINE_FILE = sys._getframe().f_code.co_filename

_user_files = _common.user_files
_exits = []
_halt = Runtime.getRuntime().halt
_script_thread = Thread.currentThread()
# Released when a script exhausts the heap, so that the engine can still build its answer.
_reserve = [jarray.zeros(8 * 1024 * 1024, 'b')]


# ---- the channel --------------------------------------------------------------------------------------------------

class _Channel(object):
    def __init__(self, port, token):
        socket = Socket(InetAddress.getLoopbackAddress(), port)
        socket.setTcpNoDelay(True)
        self._input = DataInputStream(BufferedInputStream(socket.getInputStream(), 65536))
        self._output = DataOutputStream(BufferedOutputStream(socket.getOutputStream(), 65536))
        self._lock = ReentrantLock()
        self.send('hello', 0, json.dumps(token))

    def send(self, op, id, body):
        data = JavaString('%s %d\n%s' % (op, id, body)).getBytes('UTF-8')
        self._lock.lock()
        try:
            self._output.writeInt(len(data))
            self._output.write(data)
            self._output.flush()
        finally:
            self._lock.unlock()

    def receive(self):
        data = jarray.zeros(self._input.readInt(), 'b')
        self._input.readFully(data)
        head, _, body = unicode(JavaString(data, 'UTF-8')).partition(u'\n')
        op, _, id = head.partition(u' ')
        return op, int(id or 0), body


_channel = []
_work = LinkedBlockingQueue()
_replies = LinkedBlockingQueue()
# Host calls from the script thread and from threads it started take turns: one request and its reply at a time.
_host_lock = ReentrantLock()
# The number of the load or invoke running (0 between them); threads inherit the one they were started in.
_current_run = [0]
_run_of_thread = InheritableThreadLocal()


def _read_frames():
    """The reader thread: replies and interrupts act at once; requests wait for the script thread."""
    try:
        while True:
            op, id, body = _channel[0].receive()
            if op == 'interrupt':
                _interrupt()
            elif op == 'reply':
                _replies.put(body)
            else:
                _work.put((op, id, body))
    except EOFException:
        _halt(0)
    except:
        # Node is gone or the channel is broken: a JVM nobody talks to must not linger.
        _halt(70)


# ---- values -------------------------------------------------------------------------------------------------------

def _text(value):
    """A byte string as Java sees it when it crosses to the gateway: one character per byte."""
    return value if isinstance(value, unicode) else value.decode('latin-1')


def _key(key):
    key = _text(key) if isinstance(key, basestring) else unicode(key)
    if key in _FORBIDDEN_KEYS:
        raise ValueError("the key '%s' cannot be stored: it would reach JavaScript object internals" % key)
    return key


def _encode(value, depth=0):
    if depth > _MAX_DEPTH:
        raise ValueError('value nests deeper than %d levels; is it cyclic?' % _MAX_DEPTH)
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, basestring):
        return _text(value)
    if isinstance(value, (int, long)):
        return value
    if isinstance(value, float):
        return value if not (math.isnan(value) or math.isinf(value)) else None
    if isinstance(value, Date):
        return _common.date_tag(value.getTime())
    custom = getattr(type(value), '__periscope_encode__', None)
    if custom is not None:
        return custom(value)
    if isinstance(value, dict):
        return _common.data_dict(dict((_key(k), _encode(v, depth + 1)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_encode(item, depth + 1) for item in value]
    if isinstance(value, Map):
        return _common.data_dict(dict((_key(k), _encode(value.get(k), depth + 1)) for k in value.keySet()))
    if isinstance(value, Collection) or type(value).__name__ == 'array.array':
        return [_encode(item, depth + 1) for item in value]
    if isinstance(value, datetime.datetime):
        # A naive datetime is taken as UTC, as the Pyodide engine takes it.
        delta = value.replace(tzinfo=None) - (value.utcoffset() or datetime.timedelta(0)) - datetime.datetime(1970, 1, 1)
        return _common.date_tag((delta.days * 86400 + delta.seconds) * 1000 + delta.microseconds // 1000)
    if isinstance(value, java.lang.Number):
        return value.doubleValue()
    return {'$ref': ref(value)}


# One encoder and one decoder for every message: json.dumps and json.loads with options build new ones per call.
_decoder = json.JSONDecoder(object_hook=_common.tagged_hook(lambda ms: Date(long(ms))))
_decode = _decoder.decode
_decode_arguments = json.JSONDecoder(object_hook=_common.tagged_hook(lambda ms: Date(long(ms)), True)).decode
_encoder = json.JSONEncoder(ensure_ascii=True, allow_nan=False)
_dumps = _encoder.encode


# ---- periscope_host -----------------------------------------------------------------------------------------------

_unknown_types = {}


def _exception_type(name):
    import exceptions
    found = getattr(exceptions, name, None)
    if isinstance(found, type) and issubclass(found, BaseException):
        return found
    package, _, leaf = name.rpartition('.')
    if package:
        try:
            java_class = getattr(__import__(str(package), fromlist=[str(leaf)]), leaf)
            if issubclass(java_class, Throwable):
                return java_class
        except Exception:
            pass
    if name not in _unknown_types:
        _unknown_types[name] = type(str(name.rsplit('.', 1)[-1]), (Exception,), {})
    return _unknown_types[name]


def call(name, *args):
    """Calls the runtime synchronously; a HostError there raises its Python exception type here."""
    message = _dumps([name, [_encode(a) for a in args]])
    if Thread.currentThread() is _script_thread:
        return _exchange(message, True)
    _host_lock.lock()
    try:
        # A thread a script started may call the runtime while that script runs (a gateway's scripts join their
        # threads, or wait on what they produce); its calls then take turns with the script's own, in its run.
        if _run_of_thread.get() != _current_run[0]:
            raise RuntimeError("%s was called from thread '%s' after the script that started it had ended; Periscope "
                               "answers a thread's system.* calls while its script runs: join the thread before the "
                               "script returns, or use system.util.invokeAsynchronous" % (name, Thread.currentThread().getName()))
        return _exchange(message, False)
    finally:
        _host_lock.unlock()


def _exchange(message, interruptible):
    """One host call on the channel; only one is in flight at a time, so the next reply is its answer."""
    _host_lock.lock()
    try:
        _channel[0].send('host', 0, message)
        interrupted = False
        while True:
            try:
                body = _replies.take()
                break
            except InterruptedException:
                # An interrupt that arrives mid-call takes effect once the runtime has answered: no reply is left
                # behind for the next call to take.
                interrupted = True
    finally:
        _host_lock.unlock()
    reply = _decode(body)
    if interrupted and interruptible:
        raise KeyboardInterrupt()
    if 'error' in reply:
        kind, message = reply['error']
        # A Java exception name raises that Java exception, as a gateway's system.* call would throw it.
        raise _exception_type(kind)(message)
    return reply['value']


def location():
    """(file, line, column) of the innermost user frame in the user's original file, or None outside any script."""
    # Jython's frames have no column: the function the user frame was calling tells Node where on the line it is.
    frame, callee = sys._getframe(1), None
    while frame is not None and frame.f_code.co_filename not in _user_files:
        frame, callee = frame.f_back, frame.f_code.co_name
    if frame is None:
        return None
    found = call('$location', frame.f_code.co_filename, frame.f_lineno, None, callee)
    return None if found is None else tuple(found)


# ---- output -------------------------------------------------------------------------------------------------------

def _emit(stream, text):
    # An output frame needs no answer, so Java threads of a script may print too; frames keep the script's order.
    _channel[0].send('output', 0, _dumps([stream, text]))


class _JavaOutput(OutputStream):
    """System.out / System.err: bytes a script writes through Java, decoded as UTF-8, one output frame per line."""

    def __init__(self, stream):
        self._stream = stream
        self._pending = bytearray()

    def write(self, data, offset=None, length=None):
        if isinstance(data, (int, long)):
            self._pending.append(data & 0xff)
        else:
            start = offset or 0
            end = start + (len(data) if length is None else length)
            self._pending.extend(b & 0xff for b in data[start:end])

    def flush(self):
        # PrintStream flushes after every print; only whole lines leave, as with print statements.
        end = self._pending.rfind('\n') + 1
        if end > 0:
            self._emit(end)

    def drain(self):
        if self._pending:
            self._emit(len(self._pending))

    def _emit(self, end):
        text = bytes(self._pending[:end]).decode('utf-8', 'replace')
        del self._pending[:end]
        _emit(self._stream, text)


_java_outputs = []


def _redirect_output():
    sys.stdout = _common.Output('stdout', _emit, _text)
    sys.stderr = _common.Output('stderr', _emit, _text)
    for stream, install in (('stdout', System.setOut), ('stderr', System.setErr)):
        output = _JavaOutput(stream)
        _java_outputs.append(output)
        install(PrintStream(output, True, 'UTF-8'))


# ---- what a script must not do to the engine ----------------------------------------------------------------------

class GatewayExit(BaseException):
    """Raised where a script asks the JVM to end: on a gateway that stops every project and session."""


def _frames_from(frame):
    frames = []
    while frame is not None:
        code = frame.f_code
        if code.co_filename in _user_files:
            frames.append([code.co_filename, frame.f_lineno, None, code.co_name])
        frame = frame.f_back
    frames.reverse()
    return frames


def _refuse_exit(call_name, status):
    frames = _frames_from(sys._getframe(2))
    _exits.append({'type': 'SystemExit', 'frames': frames,
                   'message': '%s(%s) would stop the whole gateway, every project and session with it; Periscope '
                              'stopped the script there instead' % (call_name, status)})
    raise GatewayExit(status)


def _virtual_clock():
    # The runtime owns the clock: a script's "now" is the simulation's virtual time, as with system.date.now().
    # Python's time and datetime modules, and Calendar, read the machine's clock as they do on a gateway.
    java_init = Date.__init__

    def date_init(self, *args):
        if not args:
            return java_init(self, long(call('date.nowMillis')))
        return java_init(self, *args)
    Date.__init__ = date_init
    java.lang.System.currentTimeMillis = staticmethod(lambda: long(call('date.nowMillis')))


def _guard_exits():
    # Python-level attributes shadow the Java methods for every script; Java code that calls System.exit itself
    # still ends the JVM, which the engine then replaces like any crash.
    java.lang.System.exit = staticmethod(lambda status: _refuse_exit('java.lang.System.exit', status))
    java.lang.Runtime.exit = lambda self, status: _refuse_exit('java.lang.Runtime.exit', status)
    java.lang.Runtime.halt = lambda self, status: _refuse_exit('java.lang.Runtime.halt', status)
    os._exit = lambda status: _refuse_exit('os._exit', status)


# ---- interrupting a runaway script ---------------------------------------------------------------------------------

_script_state = []


def _stop(frame, event, arg):
    _clear_traces()
    raise KeyboardInterrupt()


def _clear_traces():
    frame = _script_state[0].frame if _script_state else None
    while frame is not None:
        # Deleting, not setting None: Jython would call None as the trace function.
        del frame.f_trace
        frame = frame.f_back


def _interrupt():
    """Runs on the reader thread: the script's frames raise KeyboardInterrupt at their next line."""
    frame = _script_state[0].frame if _script_state else None
    while frame is not None:
        if frame.f_code.co_filename != _ENGINE_FILE:
            frame.f_trace = _stop
        frame = frame.f_back
    # Wakes a script waiting in Java (Thread.sleep, a socket, a lock).
    _script_thread.interrupt()


# ---- compiling and setting up -------------------------------------------------------------------------------------

def _compile(source, filename):
    # As a gateway compiles a script held in a Java String: str literals keep one character per code point.
    return Py.compile_flags(source, filename, CompileMode.exec, CompilerFlags())


def _setup(body):
    setup = json.loads(body)
    _common.set_arg_decoder(setup.get('argDecoder'))
    _common.set_first_ref(setup['firstRef'])
    # Done before "ready", while Node is still reading the project: the runtime's modules and Jython's compiler
    # are loaded once here instead of in the first script's time.
    for name in setup.get('preload', []):
        __import__(str(name))
    _compile(u'pass\n', '<warm-up>')


# ---- namespaces, load, invoke -------------------------------------------------------------------------------------

def _message(value):
    if isinstance(value, Throwable):
        return value.getMessage() or u''
    try:
        return unicode(value)
    except Exception:
        return repr(value)


def _type_name(kind, value):
    if isinstance(value, Throwable):
        return value.getClass().getName()
    return kind.__name__ if isinstance(kind, type) else unicode(kind)


def _failure(kind, value, tb):
    if isinstance(value, GatewayExit) and _exits:
        return _exits[0]
    failure = {'type': _type_name(kind, value), 'message': _message(value), 'frames': _frames(tb)}
    if isinstance(value, SyntaxError) and value.filename in _user_files:
        failure['syntax'] = [value.filename, value.lineno or 1, value.offset or 0]
        failure['message'] = value.msg
    return failure


def _flush():
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, _common.Output):
            stream.flush()
            # 'print x,' leaves a space pending for the next item; a script's output ends with its run.
            stream.softspace = 0
    System.out.flush()
    System.err.flush()
    for output in _java_outputs:
        output.drain()


def _frames(tb):
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename in _user_files:
            frames.append([code.co_filename, tb.tb_lineno, None, code.co_name])
        tb = tb.tb_next
    return frames


def _result(work):
    del _exits[:]
    # An interrupt aimed at the previous request, arriving after it ended, must not reach this one.
    Thread.interrupted()
    _current_run[0] += 1
    _run_of_thread.set(_current_run[0])
    try:
        return _answer(work)
    finally:
        # Taken under the host lock: a thread's call is either answered within this run or refused after it.
        _host_lock.lock()
        _current_run[0] += 1
        _host_lock.unlock()


def _answer(work):
    try:
        try:
            value = work()
            result = {'ok': False, 'error': _exits[0]} if _exits else {'ok': True, 'value': _encode(value)}
        except OutOfMemoryError:
            # The heap is exhausted: the reserve makes room to answer, and the engine replaces this JVM afterwards
            # (what the script still holds, a module global for one, would exhaust it again).
            del _reserve[:]
            result = {'ok': False, 'replace': True, 'error': {
                'type': 'java.lang.OutOfMemoryError', 'frames': _frames(sys.exc_info()[2]),
                'message': 'Java heap space: the script exhausted the JVM heap, so the engine starts a fresh JVM'}}
        except:
            kind, value, tb = sys.exc_info()
            result = {'ok': False, 'error': _exits[0] if _exits else _failure(kind, value, tb)}
        _clear_traces()
        _flush()
        return _dumps(result)
    except:
        kind, value, tb = sys.exc_info()
        return _dumps({'ok': False, 'error': _failure(kind, value, tb)})


def _load(body):
    request = json.loads(body)
    filename = request['filename']
    if not request.get('internal'):
        _user_files.add(filename)
    namespace = _common.namespace(request['namespace'], request.get('module'))

    def run():
        exec _compile(request['code'], filename) in namespace
    return _result(run)


def _invoke(body):
    return _result(lambda: _common.call_target(_decode_arguments(body)))


def _about():
    version = sys.version.split()[0]
    return 'Jython %s on Java %s (%s)' % (version, System.getProperty('java.version'), System.getProperty('java.vm.name'))


def main():
    """Connects to Node (its port and token come on stdin), then serves requests on this, the main, thread."""
    port, token = BufferedReader(InputStreamReader(System.in, 'UTF-8')).readLine().split()
    _channel.append(_Channel(int(port), token))
    _script_state.append(Py.getThreadState())
    reader = Thread(_read_frames, 'periscope-reader')
    reader.setDaemon(True)
    reader.start()
    _common.install_host_module(call, location)
    _guard_exits()
    _virtual_clock()
    _redirect_output()
    while True:
        try:
            op, id, body = _work.take()
        except InterruptedException:
            continue
        if op == 'setup':
            _setup(body)
            _channel[0].send('ready', id, _dumps({'about': _about()}))
        elif op == 'load':
            _channel[0].send('result', id, _load(body))
        elif op == 'invoke':
            _channel[0].send('result', id, _invoke(body))
        elif op == 'release':
            _common.release(int(body))
            _channel[0].send('result', id, '{"ok": true, "value": null}')
`;
