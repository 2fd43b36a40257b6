#!/usr/bin/env bash
# Seconds from `make run` to the first page, on a fresh copy of a commit (no db.sqlite3, no
# compiled catalogs), reusing this checkout's virtualenv:
#     bench/first_page.sh [COMMIT] [PORT]        (defaults: HEAD, 8765)
# Stops the copy's server and worker afterwards and prints what seed_demo reported.
set -u
commit=${1:-HEAD}; port=${2:-8765}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d /tmp/first-page.XXXXXX)
git -C "$root" archive "$commit" | tar -x -C "$dir"
ln -s "$root/.venv" "$dir/.venv"
touch -r "$root/.venv/.installed" "$dir/pyproject.toml"  # the venv is installed: make must not reinstall
cd "$dir"
start=$(date +%s.%N)
setsid make run PORT="$port" >"$dir/run.log" 2>&1 &
group=$!
code=000
for _ in $(seq 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
  [ "$code" != 000 ] && break
  sleep 0.5
done
end=$(date +%s.%N)
echo "$commit: first page (HTTP $code) after $(python3 -c "print(round($end - $start, 1))") s;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
kill -- -"$group" 2>/dev/null; sleep 2; kill -9 -- -"$group" 2>/dev/null
grep -E "Demo counts|Demo data ready" "$dir/run.log"
rm -rf "$dir"
