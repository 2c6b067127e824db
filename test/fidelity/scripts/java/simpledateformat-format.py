# SimpleDateFormat patterns scripts use for labels and file names.
from java.text import SimpleDateFormat
from java.util import Date
d = Date(1700000000000)
for pattern in ["yyyy-MM-dd HH:mm:ss", "dd/MM/yy", "MMM d, yyyy", "EEEE", "hh:mm a", "yyyyMMdd_HHmmss", "EEE, d MMM yyyy"]:
    print pattern, "->", SimpleDateFormat(pattern).format(d)
