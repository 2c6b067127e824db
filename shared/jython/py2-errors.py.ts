// Python source of `_periscope_py2_errors`: Python 2's wording of the built-in exceptions' messages, its exception
// names (StandardError, IOError...), and sys.exc_info() that still describes a handled exception after its handler.
//
// Python 3 raises the same exceptions with other words ("can only concatenate str (not "int") to str" for Jython's
// "cannot concatenate 'str' and 'int' objects"). Each rewrite below recognises one Python 3 message and gives
// Jython's; a handler sees the rewritten message in str(e), e.message and e.args, and so does the trace.
export const py2ErrorsSource = String.raw`
import ast as _ast
import builtins as _b
import linecache as _linecache
import re as _re
import sys as _sys
import types as _types

import _periscope_py2_types as _t

_CO_OPTIMIZED = 0x1


def _innermost_frame(exc):
    tb = exc.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame


def _plural(n, word):
    return '%d %s%s' % (n, word, '' if n == 1 else 's')


def _name_error(exc):
    if not isinstance(exc, NameError) or len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return None
    text = exc.args[0]
    found = _re.match(r"cannot access local variable '(\w+)' where it is not associated with a value$", text)
    if found:
        return "local variable '%s' referenced before assignment" % found.group(1)
    found = _re.match(r"name '(\w+)' is not defined$", text)
    frame = _innermost_frame(exc)
    # Inside a function Python 2 looked the name up as a global.
    if found and frame is not None and frame.f_code.co_flags & _CO_OPTIMIZED:
        return "global name '%s' is not defined" % found.group(1)
    return None


def _resolve(frame, qualname):
    parts = qualname.split('.')
    if '<locals>' in parts or frame is None:
        return None
    target = frame.f_locals.get(parts[0], frame.f_globals.get(parts[0]))
    for part in parts[1:]:
        target = getattr(target, part, None)
    return getattr(target, '__func__', target)


def _arity(function):
    code = getattr(function, '__code__', None)
    if code is None:
        return None
    positional = code.co_argcount
    defaults = len(function.__defaults__ or ())
    return positional, positional - defaults, bool(code.co_flags & 0x4)


_ARGUMENTS = [
    (_re.compile(r"^([\w.<>]+)\(\) missing (\d+) required positional arguments?: .*$"), 'missing'),
    (_re.compile(r"^([\w.<>]+)\(\) takes (\d+) positional arguments? but (\d+) (?:was|were) given$"), 'takes'),
    (_re.compile(r"^([\w.<>]+)\(\) takes from (\d+) to (\d+) positional arguments but (\d+) (?:was|were) given$"), 'range'),
    (_re.compile(r"^([\w.<>]+)\(\) got an unexpected keyword argument '(\w+)'$"), 'keyword'),
    (_re.compile(r"^([\w.<>]+)\(\) got multiple values for argument '(\w+)'$"), 'multiple'),
]


def _arguments_error(exc):
    if _b.type(exc) is not TypeError or len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return None
    text = exc.args[0]
    for pattern, kind in _ARGUMENTS:
        found = pattern.match(text)
        if not found:
            continue
        qualname = found.group(1)
        name = qualname.rsplit('.', 1)[-1]
        if kind == 'keyword':
            return "%s() got an unexpected keyword argument '%s'" % (name, found.group(2))
        if kind == 'multiple':
            return "%s() got multiple values for keyword argument '%s'" % (name, found.group(2))
        if kind == 'takes':
            count, given = int(found.group(2)), int(found.group(3))
            if count == 0:
                return '%s() takes no arguments (%d given)' % (name, given)
            return '%s() takes exactly %s (%d given)' % (name, _plural(count, 'argument'), given)
        if kind == 'range':
            return '%s() takes at most %s (%d given)' % (name, _plural(int(found.group(3)), 'argument'), int(found.group(4)))
        arity = _arity(_resolve(_innermost_frame(exc), qualname))
        if arity is None:
            return None
        positional, required, varargs = arity
        given = required - int(found.group(2))
        exact = required == positional and not varargs
        return '%s() takes %s %s (%d given)' % (name, 'exactly' if exact else 'at least', _plural(required, 'argument'), given)
    return None


# Python 3 message -> Jython's, for messages that need no context.
_PLAIN = [
    (TypeError, _re.compile(r'^can only concatenate str \(not "(\w+)"\) to str$'), lambda m: "cannot concatenate 'str' and '%s' objects" % m.group(1)),
    (TypeError, _re.compile(r"^unsupported operand type\(s\) for \+: 'unicode' and '(\w+)'$"), lambda m: 'coercing to Unicode: need string or buffer, %s found' % m.group(1)),
    (TypeError, _re.compile(r"^'(\w+)' object is not subscriptable$"), lambda m: "'%s' object is unsubscriptable" % m.group(1)),
    (TypeError, _re.compile(r'^(list|tuple|string) indices must be integers.*$'), lambda m: '%s indices must be integers' % m.group(1)),
    (TypeError, _re.compile(r"^cannot use '\w+' as an? [\w ]+ \((unhashable type: '\w+')\)$"), lambda m: m.group(1)),
    (ValueError, _re.compile(r'^not enough values to unpack \(expected \d+, got (\d+)\)$'), lambda m: 'need more than %s to unpack' % _plural(int(m.group(1)), 'value')),
    (ValueError, _re.compile(r'^too many values to unpack \(expected \d+(?:, got \d+)?\)$'), lambda m: 'too many values to unpack'),
    (ValueError, _re.compile(r"^could not convert string to float: '(.*)'$"), lambda m: 'invalid literal for float: %s' % m.group(1)),
    (ZeroDivisionError, _re.compile(r'^integer (?:division or )?modulo by zero$'), lambda m: 'integer division or modulo by zero'),
    (ZeroDivisionError, _re.compile(r'^float (?:floor )?division by zero$'), lambda m: 'float division'),
    (ZeroDivisionError, _re.compile(r'^float (?:modulo|divmod\(\)) by zero$'), lambda m: 'float modulo'),
    (ZeroDivisionError, _re.compile(r'^division by zero$'), lambda m: 'integer division or modulo by zero'),
    (ImportError, _re.compile(r"^No module named '([\w.]+)'$"), lambda m: 'No module named %s' % m.group(1).rsplit('.', 1)[-1]),
    (AttributeError, _re.compile(r"^module '([\w.]+)' has no attribute '(\w+)'$"), lambda m: "'module' object has no attribute '%s'" % m.group(2)),
]


def _plain_error(exc):
    if len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return None
    for kind, pattern, rewrite in _PLAIN:
        if isinstance(exc, kind):
            found = pattern.match(exc.args[0])
            if found:
                return rewrite(found)
    return None


def _unicode_encode_error(exc):
    if not isinstance(exc, UnicodeEncodeError):
        return None
    if exc.end - exc.start == 1:
        return "'%s' codec can't encode character %s in position %d: %s" % (
            exc.encoding, _t.py2_repr(_t.u(exc.object[exc.start])), exc.start, exc.reason)
    return "'%s' codec can't encode characters in position %d-%d: %s" % (exc.encoding, exc.start, exc.end - 1, exc.reason)


def _index_error(exc):
    # Jython names the index: "index out of range: 5". Python 3's message has lost it, so the index expression of the
    # subscript that failed is read from the script's source and evaluated again, when it cannot have side effects.
    if not isinstance(exc, IndexError) or len(exc.args) != 1 or exc.args[0] not in _SUBSCRIPT_MESSAGES:
        return None
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    index = _failed_subscript_index(tb)
    if index is None:
        return None
    try:
        value = eval(compile(_ast.Expression(index), '<index>', 'eval'), tb.tb_frame.f_globals, tb.tb_frame.f_locals)
    except Exception:
        return None
    return 'index out of range: %d' % value if isinstance(value, int) else None


# Each loaded script's translated lines, by file name: positions in its code objects refer to them.
translated = {}

_trees = {}

# Expressions at which Jython's compiled code records a new current line (CodeCompiler.setline): the line of the
# node itself; an if-expression sets its test's line, and a comprehension runs as the loop Jython compiles it to
# (each for clause, each if test, then the element, each on its own line).
_SETS_LINE = (_ast.Lambda, _ast.Yield, _ast.YieldFrom)
_COMPREHENSIONS = (_ast.ListComp, _ast.SetComp, _ast.GeneratorExp, _ast.DictComp)


def _tree_of(filename):
    if filename in _trees:
        return _trees[filename]
    lines = translated.get(filename)
    try:
        tree = _ast.parse('\n'.join(lines)) if lines is not None else None
    except SyntaxError:
        tree = None
    if len(_trees) > 2000:
        _trees.clear()
    _trees[filename] = tree
    return tree


def _evaluated(node):
    """A node's children in the order Python evaluates them (values before targets, a dict's keys with their values,
    a comprehension's loops before its element); nested statements are left out."""
    if isinstance(node, (_ast.Assign, _ast.AugAssign, _ast.AnnAssign)):
        return [node.value] + (node.targets if isinstance(node, _ast.Assign) else [node.target])
    if isinstance(node, (_ast.For, _ast.AsyncFor)):
        return [node.iter, node.target]
    if isinstance(node, (_ast.If, _ast.While)):
        return [node.test]
    if isinstance(node, _ast.Dict):
        return [part for pair in zip(node.keys, node.values) for part in pair if part is not None]
    return [c for c in _ast.iter_child_nodes(node) if hasattr(c, 'end_lineno') and not isinstance(c, (_ast.stmt, _ast.excepthandler))]


def _span(node):
    return (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)


def _innermost_statement(tree, at):
    found = None
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        start, end = _span(node)
        if start <= at < end or (start <= at and at == end):
            found = node
            stack = [c for c in _ast.iter_child_nodes(node) if isinstance(c, _ast.stmt)]
            for handler in getattr(node, 'handlers', ()):
                stack.extend(handler.body)
    return found


def jython_line(filename, line, column):
    """(line, column) as Jython reports a position: Jython keeps one current line per frame, set at each statement,
    if test, if-expression test, lambda and generator expression, so a position inside a statement written over
    several lines is reported on the last of those lines reached before it. Columns are characters."""
    try:
        return _jython_line(filename, line, column)
    except Exception:
        # Reporting an error must never fail: the position as Python 3 has it is the next best thing.
        return line, column


def _jython_line(filename, line, column):
    tree = _tree_of(filename)
    if tree is None or column is None:
        return line, column
    text = translated[filename][line - 1] if line <= len(translated[filename]) else ''
    at = (line, len(text[:column].encode('utf-8')))
    statement = _innermost_statement(tree, at)
    if statement is None:
        return line, column
    origin = statement.test if isinstance(statement, (_ast.If, _ast.While)) else statement
    current = [(origin.lineno, origin.col_offset)]
    done = []

    def line_at(node):
        current[0] = (node.lineno, node.col_offset)

    def walk(node):
        if done:
            return
        start, end = _span(node)
        if start > at:
            done.append(True)
            return
        if isinstance(node, _ast.IfExp):
            line_at(node.test)
        elif isinstance(node, _SETS_LINE):
            line_at(node)
        if isinstance(node, _COMPREHENSIONS):
            for g in node.generators:
                line_at(g.target)
                walk(g.iter)
                walk(g.target)
                for test in g.ifs:
                    line_at(test)
                    walk(test)
            for part in ([node.key, node.value] if isinstance(node, _ast.DictComp) else [node.elt]):
                line_at(part)
                walk(part)
        else:
            for child in _evaluated(node):
                walk(child)
        if start <= at <= end and not done:
            done.append(True)

    for child in _evaluated(statement):
        walk(child)
    found_line, byte_column = current[0]
    if found_line == line:
        return line, column
    found_text = translated[filename][found_line - 1]
    return found_line, len(found_text.encode('utf-8')[:byte_column].decode('utf-8', 'replace'))


_SUBSCRIPT_MESSAGES = ('list index out of range', 'string index out of range', 'tuple index out of range')
_PURE = (_ast.Name, _ast.Constant, _ast.UnaryOp, _ast.BinOp, _ast.Attribute, _ast.operator, _ast.unaryop)


def _failed_subscript_index(tb):
    if tb is None:
        return None
    code = tb.tb_frame.f_code
    try:
        position = list(code.co_positions())[tb.tb_lasti // 2]
    except (IndexError, ValueError):
        return None
    line, end_line, column, end_column = position
    lines = translated.get(code.co_filename)
    if line is None or line != end_line or column is None or lines is None or line > len(lines):
        return None
    text = lines[line - 1]
    source = text.encode('utf-8')[column:end_column].decode('utf-8', 'replace')
    try:
        node = _ast.parse(source, mode='eval').body
    except SyntaxError:
        return None
    if not isinstance(node, _ast.Subscript) or isinstance(node.slice, _ast.Slice):
        return None
    if not all(_pure(n) for n in _ast.walk(node.slice)):
        return None
    return node.slice


def _pure(node):
    # Names, numbers, arithmetic, attributes, and len() and friends: evaluating them again changes nothing.
    if isinstance(node, _ast.Call):
        return isinstance(node.func, _ast.Name) and node.func.id in ('len', 'int', 'abs', 'min', 'max') and not node.keywords
    return isinstance(node, _PURE) or isinstance(node, _ast.expr_context)


_classic_attribute_hooks = []


def _attribute_error(exc):
    if not isinstance(exc, AttributeError) or len(exc.args) != 1:
        return None
    for hook in _classic_attribute_hooks:
        found = hook(exc)
        if found is not None:
            return found
    return None


for _rewrite in (_name_error, _arguments_error, _plain_error, _unicode_encode_error, _attribute_error, _index_error):
    _t._MESSAGE_REWRITES.append(_rewrite)


def py2_message(exc):
    """The rewritten message of a built-in exception, or None when Python 2 says the same."""
    for rewrite in _t._MESSAGE_REWRITES:
        found = rewrite(exc)
        if found is not None:
            return found
    return None


# ---- names ----------------------------------------------------------------------------------------------------

class _StandardErrorType(_b.type):
    """StandardError: every built-in exception but StopIteration, GeneratorExit, SystemExit, KeyboardInterrupt and
    the warnings, as in Python 2's hierarchy."""

    def __subclasscheck__(cls, sub):
        if _b.type.__subclasscheck__(cls, sub):
            return True
        if cls is not StandardError or not isinstance(sub, _b.type) or not issubclass(sub, Exception):
            return False
        if issubclass(sub, (StopIteration, Warning, StopAsyncIteration)):
            return False
        return sub.__module__ == 'builtins'

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(_b.type(obj))


class StandardError(Exception, metaclass=_StandardErrorType):
    pass


# Python 3 exception classes Python 2 did not have, named as the Python 2 class Jython raises.
PY2_NAMES = {
    RecursionError: RuntimeError,
    ModuleNotFoundError: ImportError,
    FileNotFoundError: IOError,
    PermissionError: IOError,
    IsADirectoryError: IOError,
    NotADirectoryError: IOError,
    FileExistsError: IOError,
}


def _py2_class(obj):
    return PY2_NAMES.get(_b.type(obj)) if isinstance(obj, BaseException) else None


_t._type_of_hooks.append(_py2_class)


# ---- sys.exc_info after the handler -----------------------------------------------------------------------------

# What Jython's UTF-8 decoder says where Python 3's says otherwise.
_DECODE_REASONS = {'invalid start byte': 'unexpected code byte'}


def _linux_errno():
    # Pyodide's errno numbers are Emscripten's (ENOENT is 44); a gateway runs on Linux or Windows, where the
    # numbers scripts compare with are the classic ones.
    import errno
    classic = dict(EPERM=1, ENOENT=2, ESRCH=3, EINTR=4, EIO=5, ENXIO=6, E2BIG=7, ENOEXEC=8, EBADF=9, ECHILD=10,
                   EAGAIN=11, ENOMEM=12, EACCES=13, EFAULT=14, EBUSY=16, EEXIST=17, EXDEV=18, ENODEV=19, ENOTDIR=20,
                   EISDIR=21, EINVAL=22, ENFILE=23, EMFILE=24, ENOTTY=25, EFBIG=27, ENOSPC=28, ESPIPE=29, EROFS=30,
                   EMLINK=31, EPIPE=32, EDOM=33, ERANGE=34, ETIMEDOUT=110, ECONNREFUSED=111)
    mapping = {}
    for name, number in classic.items():
        here = getattr(errno, name, None)
        if here is not None and here != number:
            mapping[here] = number
    module = _types.ModuleType('errno')
    module.__dict__.update(classic)
    module.errorcode = dict((v, k) for k, v in classic.items())
    return mapping, module


# The errno module scripts import, and the numbers an OSError's errno becomes in a handler.
_LINUX_ERRNO, errno_module = _linux_errno()
_handled = []
_exc_info = _sys.exc_info


def handled(exc):
    """Called first thing in every except clause of a script: Python 2's messages, and the record exc_info reads."""
    message = py2_message(exc)
    if message is not None:
        exc.args = (message,)
    if isinstance(exc, UnicodeDecodeError) and exc.reason in _DECODE_REASONS:
        exc.reason = _DECODE_REASONS[exc.reason]
    if isinstance(exc, OSError) and exc.errno in _LINUX_ERRNO:
        exc.errno = _LINUX_ERRNO[exc.errno]
    frame = _sys._getframe(1)
    del _handled[:]
    _handled.append((frame, (_b.type(exc), exc, exc.__traceback__)))
    return exc


def exc_info():
    current = _exc_info()
    if current[0] is not None or not _handled:
        return current
    frame, info = _handled[0]
    at = _sys._getframe(1)
    while at is not None:
        if at is frame:
            return info
        at = at.f_back
    return current


def exc_clear():
    del _handled[:]


# ---- traceback as Jython formats it ---------------------------------------------------------------------------

def _type_name(kind):
    kind = PY2_NAMES.get(kind, kind)
    return getattr(kind, '_java_name', None) or kind.__name__


def format_exception_only(kind, value):
    if value is None:
        return ['%s\n' % _type_name(kind)]
    message = value.getMessage() if hasattr(value, 'getMessage') and callable(value.getMessage) else _t.exception_text(value)
    return ['%s: %s\n' % (_type_name(kind), message) if message else '%s\n' % _type_name(kind)]


def extract_tb(tb, limit=None):
    """(file, line, function, text) of each frame, as Python 2's extract_tb gives them."""
    out = []
    while tb is not None and (limit is None or len(out) < limit):
        code = tb.tb_frame.f_code
        if not code.co_filename.startswith('<periscope:'):
            line = jython_line(code.co_filename, tb.tb_lineno, _position_column(code, tb.tb_lasti))[0]
            text = _linecache.getline(code.co_filename, line).strip() or None
            out.append((code.co_filename, line, code.co_name, text))
        tb = tb.tb_next
    return out


def _position_column(code, lasti):
    """The character column where the instruction at lasti starts, in the translated text."""
    try:
        line, _, byte_column, _ = list(code.co_positions())[lasti // 2]
    except (IndexError, ValueError):
        return None
    lines = translated.get(code.co_filename)
    if byte_column is None or line is None or lines is None or line > len(lines):
        return None
    return len(lines[line - 1].encode('utf-8')[:byte_column].decode('utf-8', 'replace'))


def format_tb(tb, limit=None):
    return ['  File "%s", line %d, in %s\n%s' % (f, n, name, '    %s\n' % text if text else '') for f, n, name, text in extract_tb(tb, limit)]


def format_exception(kind, value, tb, limit=None):
    lines = ['Traceback (most recent call last):\n'] + format_tb(tb, limit) if tb is not None else []
    return lines + format_exception_only(kind, value)


def print_exception(kind, value, tb, limit=None, file=None):
    (file or _sys.stderr).write(''.join(format_exception(kind, value, tb, limit)))


def format_exc(limit=None):
    return ''.join(format_exception(*(exc_info() + (limit,))))


def print_exc(limit=None, file=None):
    print_exception(*(exc_info() + (limit, file)))


traceback_module = _types.ModuleType('traceback')
traceback_module.__dict__.update(
    format_exc=format_exc, print_exc=print_exc, format_exception=format_exception, print_exception=print_exception,
    format_exception_only=format_exception_only, format_tb=format_tb, extract_tb=extract_tb)


_sys.exc_info = exc_info
_sys.exc_clear = exc_clear
`;
