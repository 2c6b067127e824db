# java.text.DecimalFormat for display of values.
from java.text import DecimalFormat
print DecimalFormat("#,##0.00").format(1234567.891), DecimalFormat("0.#").format(2.0), DecimalFormat("000").format(7)
print DecimalFormat("#.##%").format(0.1234), DecimalFormat("#,###").format(1000)
