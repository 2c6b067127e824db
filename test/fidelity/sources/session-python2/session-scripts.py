# Session scripts whose Python 2 meanings cross the runtime: values from the gateway are unicode, dicts written to
# props go in Jython's order, floats print with 12 digits, errors carry Python 2's messages, Java types come back.
from java.util import ArrayList, Date


def onStartup(session):
    log = system.util.getLogger("Fidelity")
    user = session.props.auth.user.userName
    log.info("user %r, device %s" % (user, session.props.device.type))
    session.custom.limits = {"speed": 120, "temp": 90.5, "level": 5, "name": u"Line 1", "enabled": True}
    session.custom.ratio = 2 / 3.0
    log.info("limits %s" % session.custom.limits)
    log.info("ratio %s, %r, %d" % (session.custom.ratio, 1 / 3.0, 7 / 2))
    speeds = system.tag.readBlocking(["[default]Filler/Speed", "[default]Capper/Speed"])
    total = 0
    for q in speeds:
        total += q.value
    log.info("speeds %s total %s average %s" % ([q.value for q in speeds], total, total / float(len(speeds))))
    log.info("last speed read %s" % q.quality.isGood())
    now = system.date.now()
    later = system.date.addHours(now, 1)
    log.info("minutes %s, type %s" % (system.date.minutesBetween(now, later), type(now.getTime()).__name__))
    names = ArrayList()
    for name in ["Filler", "Capper", "Labeler"]:
        names.add(name)
    session.custom.lines = names
    log.info("lines %s %s" % (names, sorted(names)))


def onPageStartup(page):
    log = system.util.getLogger("Fidelity")
    params = {"page": page.props.path, "opened": True, "count": 1}
    for key, value in params.items():
        log.info("param %s=%r" % (key, value))
    page.session.custom.lastPage = params


def summarise(session, payload):
    log = system.util.getLogger("Fidelity")
    kinds = {}
    for key in payload:
        kinds[key] = type(payload[key]).__name__
    log.info("payload kinds %s" % kinds)
    rows = system.db.runNamedQuery("Orders/ByLine", {"line": payload.get("line", "Filler")})
    quantities = [row["qty"] for row in system.dataset.toPyDataSet(rows)]
    log.info("rows %d qty %s sum %s mean %s" % (rows.getRowCount(), quantities, sum(quantities), sum(quantities) / len(quantities)))
    log.info("columns %s" % rows.getColumnNames())
    summary = {"line": payload.get("line"), "count": len(quantities), "total": sum(quantities), "ok": True}
    session.custom.summary = summary
    return summary


def broken(session, payload):
    log = system.util.getLogger("Fidelity")
    try:
        log.info("before: " + payload["count"])
    except TypeError, e:
        log.warn("caught: %s" % e)
    log.info("after %s" % e)
    return undefined_total + 1


def configure_message_handlers():
    return {
        "summarise": {"handler": "summarise", "scope": "session"},
        "broken": {"handler": "broken", "scope": "session"},
    }


def onShutdown(session):
    log = system.util.getLogger("Fidelity")
    custom = session.custom
    log.info("summary at close %s" % custom.summary)
    log.info("keys %s" % sorted(custom.limits.keys()))
