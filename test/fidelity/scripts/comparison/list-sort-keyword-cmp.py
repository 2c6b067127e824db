# list.sort(cmp=..., reverse=...).
nums = [5, 2, 9, 1]
nums.sort(cmp=lambda a, b: b - a)
print nums
nums.sort(reverse=True, cmp=lambda a, b: b - a)
print nums
