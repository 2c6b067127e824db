# A SimpleDateFormat set to a zone formats local times of that zone.
from java.text import SimpleDateFormat
from java.util import TimeZone, Date
fmt = SimpleDateFormat("yyyy-MM-dd HH:mm")
print fmt.format(Date(1720000000000))
fmt.setTimeZone(TimeZone.getTimeZone("America/New_York"))
print fmt.format(Date(1720000000000)), fmt.format(Date(1705000000000))
print fmt.parse("2024-07-03 05:46").getTime()
