# Ages and durations computed from Date millis, as session scripts measure idle time.
from java.util import Date
start = Date(1700000000000)
end = Date(1700003723000)
seconds = (end.getTime() - start.getTime()) / 1000
print seconds, seconds / 60, seconds % 60
print "%d:%02d:%02d" % (seconds / 3600, seconds / 60 % 60, seconds % 60)
later = Date(start.getTime() + 86400000)
print later.getTime(), later.after(start)
