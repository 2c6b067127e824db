# java.util.Collections and Arrays helpers on Java lists.
from java.util import ArrayList, Collections, Arrays
nums = ArrayList([5, 3, 9, 1])
Collections.sort(nums)
print nums, Collections.max(nums), Collections.min(nums)
Collections.reverse(nums)
print nums
fixed = Arrays.asList("x", "y", "z")
print fixed, fixed.size(), fixed.get(2)
print Collections.emptyList(), Collections.singletonList(7)
