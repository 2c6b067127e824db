# TimeZone ids, and a Calendar in another zone.
from java.util import TimeZone, Calendar, Date
utc = TimeZone.getTimeZone("UTC")
print utc.getID(), utc.getRawOffset()
ny = TimeZone.getTimeZone("America/New_York")
cal = Calendar.getInstance(ny)
cal.setTime(Date(1700000000000))
print cal.get(Calendar.HOUR_OF_DAY), ny.getRawOffset() / 3600000
