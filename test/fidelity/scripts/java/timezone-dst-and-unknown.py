# Daylight saving in America and Europe, a southern-hemisphere zone, and an id Java does not know (GMT).
from java.util import TimeZone, Calendar, Date
for zone_id in ["America/Chicago", "Europe/Berlin", "Australia/Sydney", "Asia/Tokyo", "Not/AZone"]:
    zone = TimeZone.getTimeZone(zone_id)
    winter = zone.getOffset(1705000000000) / 60000
    summer = zone.getOffset(1720000000000) / 60000
    print zone.getID(), zone.getRawOffset() / 3600000, winter, summer, zone.inDaylightTime(Date(1720000000000))
cal = Calendar.getInstance(TimeZone.getTimeZone("America/Chicago"))
cal.setTimeInMillis(1710054000000)
print cal.get(Calendar.HOUR_OF_DAY), cal.get(Calendar.DAY_OF_MONTH)
cal.add(Calendar.HOUR_OF_DAY, 2)
print cal.get(Calendar.HOUR_OF_DAY), cal.getTimeInMillis()
