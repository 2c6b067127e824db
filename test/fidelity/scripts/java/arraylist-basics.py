# java.util.ArrayList as scripts build result lists: add, get, size, contains, indexOf, remove, and printing.
from java.util import ArrayList
names = ArrayList()
names.add("Filler")
names.add("Capper")
names.add(1, "Labeler")
print names, names.size(), len(names)
print names.get(0), names[1], names[-1]
print names.contains("Capper"), "Capper" in names, names.indexOf("Labeler"), names.indexOf("Boxer")
names.remove("Labeler")
print names, names.isEmpty()
names.clear()
print names, names.isEmpty(), len(names)
