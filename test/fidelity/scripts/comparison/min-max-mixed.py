# min and max across unrelated types.
print min([3, None, "x"]), max([3, None, "x"]), max(1, "1"), min((), [], "")
print max([None, None]), min([0, None, False])
