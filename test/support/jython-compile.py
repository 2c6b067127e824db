# Compiles each script of a JSON list on stdin ([{"id", "text"}]) with real Jython, as the gateway compiles it,
# and prints {id: null | {"line", "type", "message"}} as JSON: null when it compiles.
import sys
import json

results = {}
for job in json.loads(sys.stdin.read()):
    try:
        compile(job['text'], job['id'], 'exec')
        results[job['id']] = None
    except Exception, e:
        message = getattr(e, 'msg', None) or str(e)
        if isinstance(message, str):
            # Jython's messages may quote a byte of the source, which is not always whole UTF-8.
            message = message.decode('utf-8', 'replace')
        results[job['id']] = {'line': getattr(e, 'lineno', None), 'type': type(e).__name__, 'message': message}
print json.dumps(results)
