# Nested dicts in json.dumps and in repr.
import json
cfg = {"page": {"title": "Home", "path": "/", "view": "Main"}, "dock": {"id": "nav", "side": "left"}}
print json.dumps(cfg)
print cfg
