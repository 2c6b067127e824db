# Calendar.add rolls months and years over; getTime gives a Date back.
from java.util import Calendar, Date
cal = Calendar.getInstance()
cal.setTime(Date(1700000000000))
cal.add(Calendar.DAY_OF_MONTH, 20)
print cal.get(Calendar.MONTH), cal.get(Calendar.DAY_OF_MONTH)
cal.add(Calendar.MONTH, 2)
print cal.get(Calendar.YEAR), cal.get(Calendar.MONTH)
cal.add(Calendar.HOUR_OF_DAY, -5)
print cal.getTime().getTime(), cal.getTimeInMillis()
