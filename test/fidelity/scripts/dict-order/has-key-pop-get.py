# pop, get, has_key do not depend on order but the remaining dict prints in order.
d = {"alpha": 1, "bravo": 2, "charlie": 3, "delta": 4}
print d.pop("bravo"), d.pop("nope", None), d.get("alpha"), d.has_key("delta")
print d
