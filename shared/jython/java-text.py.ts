// Python source of `_periscope_java_text`: java.text's SimpleDateFormat (through the runtime's Java date patterns,
// in UTC), DecimalFormat and ParseException, as scripts format dates and numbers for display.
export const javaTextSource = String.raw`
import builtins as _b
import decimal as _decimal

import _periscope_py2_types as _t
from _periscope_java_lang import JavaClass, java_class, host_call, exception_class, Exception as _JavaException
from _periscope_java_util import Date, TimeZone

ParseException = exception_class('java.text.ParseException', _JavaException)


@java_class
class SimpleDateFormat(object, metaclass=JavaClass):
    __module__ = 'java.text'

    def __init__(self, pattern=u"M/d/yy, h:mm a", locale=None):
        self._pattern = _b.str(pattern)
        self._zone = None

    def format(self, date):
        ms = _b.int(date.getTime() if hasattr(date, 'getTime') else date)
        # The runtime formats in UTC: a zone's local time is the instant moved by the zone's offset.
        local = ms + (self._zone.offset_at(ms) if self._zone else 0)
        return _t.u(host_call('date.format', local, self._pattern))

    def parse(self, text):
        try:
            found = host_call('date.parse', _b.str(text), self._pattern)
        except ValueError:
            raise ParseException('Unparseable date: "%s"' % text)
        ms = found.getTime() if isinstance(found, Date) else _b.int(found)
        if self._zone:
            ms -= self._zone.offset_at(ms - self._zone.offset_at(ms))
        return Date(ms)

    def toPattern(self):
        return _t.u(self._pattern)

    def applyPattern(self, pattern):
        self._pattern = _b.str(pattern)

    def setLenient(self, lenient):
        pass

    def setTimeZone(self, zone):
        self._zone = zone

    def getTimeZone(self):
        return self._zone or TimeZone.getDefault()


@java_class
class DecimalFormat(object, metaclass=JavaClass):
    """java.text.DecimalFormat for the patterns displays use: grouping, minimum and maximum digits, percent."""
    __module__ = 'java.text'

    def __init__(self, pattern=u'#,##0.###'):
        self.applyPattern(pattern)

    def applyPattern(self, pattern):
        pattern = _b.str(pattern).split(';')[0]
        start = 0
        while start < len(pattern) and pattern[start] not in '#0,.':
            start += 1
        end = start
        while end < len(pattern) and pattern[end] in '#0,.':
            end += 1
        self._prefix, number, self._suffix = pattern[:start], pattern[start:end], pattern[end:]
        self._scale = 100 if '%' in self._suffix or '%' in self._prefix else 1
        whole, _, fraction = number.partition('.')
        self._grouping = len(whole) - whole.rfind(',') - 1 if ',' in whole else 0
        self._min_int = whole.replace(',', '').count('0')
        self._min_frac = fraction.count('0')
        self._max_frac = len(fraction)

    def format(self, number):
        value = _decimal.Decimal(repr(float(number))) * self._scale if isinstance(number, float) else _decimal.Decimal(_b.int(number)) * self._scale
        rounded = value.quantize(_decimal.Decimal(1).scaleb(-self._max_frac), rounding=_decimal.ROUND_HALF_EVEN)
        sign = '-' if rounded < 0 else ''
        whole, _, fraction = ('{:.%df}' % self._max_frac).format(abs(rounded)).partition('.')
        fraction = fraction.rstrip('0')
        if len(fraction) < self._min_frac:
            fraction = fraction.ljust(self._min_frac, '0')
        whole = whole.lstrip('0').rjust(self._min_int, '0')
        if self._grouping:
            groups = []
            while len(whole) > self._grouping:
                groups.insert(0, whole[-self._grouping:])
                whole = whole[:-self._grouping]
            groups.insert(0, whole)
            whole = ','.join(g for g in groups if g)
        body = whole + ('.' + fraction if fraction else '')
        return _t.u(sign + self._prefix + body + self._suffix)


NAMES = dict(SimpleDateFormat=SimpleDateFormat, DecimalFormat=DecimalFormat, ParseException=ParseException)
EXCEPTIONS = [ParseException]
`;
