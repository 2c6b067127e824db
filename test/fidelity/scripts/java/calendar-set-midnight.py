# Start of day: set hour, minute, second and millisecond to zero.
from java.util import Calendar, Date
cal = Calendar.getInstance()
cal.setTimeInMillis(1700000123456)
cal.set(Calendar.HOUR_OF_DAY, 0)
cal.set(Calendar.MINUTE, 0)
cal.set(Calendar.SECOND, 0)
cal.set(Calendar.MILLISECOND, 0)
print cal.getTimeInMillis(), cal.getTime()
cal.set(2024, 1, 29)
print cal.get(Calendar.YEAR), cal.get(Calendar.MONTH), cal.get(Calendar.DAY_OF_MONTH), cal.get(Calendar.DAY_OF_WEEK)
