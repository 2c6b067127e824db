# StringBuilder for building long messages.
from java.lang import StringBuilder
sb = StringBuilder()
for i in range(3):
    sb.append("row").append(i).append(";")
print sb.toString(), sb.length(), str(sb)
sb.reverse()
print sb
