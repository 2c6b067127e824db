# Calendar set from a Date: fields, months counted from 0, days of week from Sunday = 1.
from java.util import Calendar, Date
cal = Calendar.getInstance()
cal.setTime(Date(1700000000000))
print cal.get(Calendar.YEAR), cal.get(Calendar.MONTH), cal.get(Calendar.DAY_OF_MONTH)
print cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.MINUTE), cal.get(Calendar.SECOND)
print cal.get(Calendar.DAY_OF_WEEK), Calendar.SUNDAY, Calendar.JANUARY, Calendar.DECEMBER
