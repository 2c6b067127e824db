// system.date: the current time, arithmetic, differences, parts, comparison, formatting and parsing of dates.
import { ALL_SCOPES, defineModule, type FunctionSpec } from './define';

const units = ['Millis', 'Seconds', 'Minutes', 'Hours', 'Days', 'Weeks', 'Months', 'Years'] as const;

const additions: FunctionSpec[] = units.map((unit) => ({
  name: `add${unit}`,
  signature: '(date: Date, value: int) -> Date',
  doc: `A new date ${unit.toLowerCase()} later (earlier when value is negative); the date given is not changed.`,
}));

const differences: FunctionSpec[] = units.map((unit) => ({
  name: `${unit.toLowerCase()}Between`,
  signature: '(date_1: Date, date_2: Date) -> int',
  doc: `Whole ${unit.toLowerCase()} from date_1 to date_2 (negative when date_2 is earlier), truncated.`,
}));

const parts: FunctionSpec[] = [
  ['Millis', 'the millisecond, 0-999'],
  ['Second', 'the second, 0-59'],
  ['Minute', 'the minute, 0-59'],
  ['Hour12', 'the hour on a 12-hour clock, 0-11'],
  ['Hour24', 'the hour, 0-23'],
  ['AMorPM', '0 for AM, 1 for PM'],
  ['DayOfWeek', 'the day of the week, 1 (Sunday) to 7'],
  ['DayOfMonth', 'the day of the month, 1-31'],
  ['DayOfYear', 'the day of the year, 1-366'],
  ['Month', 'the month, 0 (January) to 11'],
  ['Quarter', 'the quarter, 1-4'],
  ['Year', 'the year'],
].map(([part, what]) => ({ name: `get${part}`, signature: '(date: Date) -> int', doc: `Returns ${what}.` }));

export const date = defineModule('system.date', 'Dates: java.util.Date values read from the gateway clock, in its time zone.', ALL_SCOPES, [
  { name: 'now', signature: '() -> Date', doc: 'The current date and time.' },
  { name: 'midnight', signature: '(date: Date) -> Date', doc: 'The same day at 00:00:00.000.' },
  { name: 'getDate', signature: '(year: int, month: int, day: int) -> Date', doc: 'A date at midnight; month counts from 0 (January).' },
  { name: 'setTime', signature: '(date: Date, hour: int, minute: int, second: int) -> Date', doc: 'The same day at another time of day.' },
  { name: 'fromMillis', signature: '(millis: int) -> Date', doc: 'A date from milliseconds since the epoch.' },
  { name: 'toMillis', signature: '(date: Date) -> int', doc: 'Milliseconds since the epoch.' },
  { name: 'format', signature: "(date: Date, format: str = 'yyyy-MM-dd HH:mm:ss') -> str", doc: 'Formats a date with a Java SimpleDateFormat pattern.' },
  {
    name: 'parse',
    signature: "(dateString: str, formatString: str = 'yyyy-MM-dd HH:mm:ss', locale: str = None) -> Date",
    doc: 'Parses text into a date with a Java SimpleDateFormat pattern.',
  },
  { name: 'isAfter', signature: '(date_1: Date, date_2: Date) -> bool', doc: 'True when date_1 is after date_2.' },
  { name: 'isBefore', signature: '(date_1: Date, date_2: Date) -> bool', doc: 'True when date_1 is before date_2.' },
  { name: 'isBetween', signature: '(target_date: Date, start_date: Date, end_date: Date) -> bool', doc: 'True when target_date lies in [start_date, end_date].' },
  { name: 'isDaylightTime', signature: '(date: Date = None) -> bool', doc: 'True when daylight saving time applies at the date (now by default).' },
  { name: 'getTimezone', signature: '() -> str', doc: 'The id of the time zone scripts run in.' },
  { name: 'getTimezoneOffset', signature: '(date: Date = None) -> float', doc: 'Hours from UTC at the date, daylight saving included.' },
  { name: 'getTimezoneRawOffset', signature: '() -> float', doc: 'Hours from UTC without daylight saving.' },
  ...additions,
  ...differences,
  ...parts,
]);
