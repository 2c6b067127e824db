# Jython numbers lines per statement (and per if test, if-expression, comprehension clause): an error inside a
# statement written over several lines is reported on the last of those lines reached before it.
import sys, traceback
def line_of(f):
    try:
        f()
    except Exception:
        return traceback.extract_tb(sys.exc_info()[2])[-1][1]
row = {"name": "pump"}
def call_spanning_lines():
    return "%s %s" % (
        row["name"],
        row["missing"],
    )
def dict_with_if_expression():
    return {
        "a": 1,
        "b": row["x"] if row else 0,
        "c": row["y"],
    }
def comprehension():
    return [
        r["missing"]
        for r in [row]
    ]
def condition_over_lines():
    if (row["name"] == "pump" and
            row["nope"]):
        return 1
print line_of(call_spanning_lines), line_of(dict_with_if_expression), line_of(comprehension), line_of(condition_over_lines)
values = [1, 2,
          row["absent"]]
