#!/usr/bin/env bash
# The whole suite, N times in a row (default 5), while stress-ng keeps every core busy: a test that
# depends on how fast the machine is shows up here. Prints one line per run and a closing tally.
set -u
runs=${1:-5}
command -v stress-ng >/dev/null || { echo "soak: stress-ng is missing (apt-get install -y stress-ng)"; exit 2; }
stress-ng --cpu "$(nproc)" --timeout 0 >/dev/null 2>&1 &
load=$!
trap 'kill $load 2>/dev/null' EXIT
passed=0
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  start=$SECONDS
  if npm test >"$log" 2>&1; then passed=$((passed + 1)); r=green; else r=red; fi
  echo "soak run $i: $r in $((SECONDS - start)) s ($(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'Tests +[0-9]|^e2e:' | tr -s ' ' | tr '\n' ' '))"
  # A red run's whole output is kept for reading; a green one's is not.
  if [ "$r" = red ]; then echo "  its output: $log"; else rm -f "$log"; fi
done
echo "soak: $passed of $runs green under load"
[ "$passed" -eq "$runs" ]
