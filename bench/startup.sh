#!/usr/bin/env bash
# Startup figures of the assembled distribution (issue: "Speed"): for each of N runs on a new home,
#   start  - ms from process launch to the first GET /api/health answering {"status":"UP"}
#   heap   - live heap after a full GC, once idle (jcmd GC.run + GC.heap_info), in MB
#   install- ms from POSTing the sample plugin jar to its view being registered (listed in its contributions)
#   rss    - resident set size of the process, MB
# Starts the node exactly as a user does (./siyu run, with its start-up cache). Prints one line per run and the
# medians. Usage: bench/startup.sh [runs]   (run ./siyu build first)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
DIST=distribution/target/siyu
PORT=18480
[ -d "$DIST/lib" ] || { echo "build first: ./siyu build" >&2; exit 1; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
starts=(); heaps=(); installs=(); rsss=()
for run in $(seq 1 "$RUNS"); do
  home=$(mktemp -d)
  t0=$(now_ms)
  rmdir "$home"   # a new home, created by the node itself
  SIYU_HOME=$home SIYU_PORT=$PORT SIYU_ADMIN_PASSWORD=bench-password SIYU_SAMPLES=off SIYU_DEMO=off ./siyu run >"/tmp/siyu-bench-$run.log" 2>&1 &
  pid=$!   # ./siyu run execs java
  until curl -sf "localhost:$PORT/api/health" 2>/dev/null | grep -q '"status":"UP"'; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "node died; see /tmp/siyu-bench-$run.log" >&2; exit 1; }
  done
  t1=$(now_ms); start=$((t1 - t0))
  sleep 5
  jcmd $pid GC.run >/dev/null
  heap=$(jcmd $pid GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -n 1)
  heap=$((heap / 1024))
  rss=$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))
  token=$(curl -s -X POST "localhost:$PORT/api/v1/auth/token" -d '{"username":"admin","password":"bench-password"}' \
    | sed 's/.*"token":"\([^"]*\)".*/\1/')
  t2=$(now_ms)
  curl -sf -o /dev/null -X POST "localhost:$PORT/api/v1/plugins" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/java-archive' --data-binary @"$DIST/samples/org.siyu.samples.notes.jar"
  until curl -s "localhost:$PORT/api/v1/plugins/org.siyu.samples.notes" -H "Authorization: Bearer $token" \
      | grep -q 'view notes.list'; do sleep 0.01; done
  t3=$(now_ms); install=$((t3 - t2))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$home"
  echo "run $run: start ${start} ms, idle heap ${heap} MB, rss ${rss} MB, install-to-view ${install} ms"
  starts+=("$start"); heaps+=("$heap"); installs+=("$install"); rsss+=("$rss")
done
echo "median of $RUNS: start $(printf '%s\n' "${starts[@]}" | median) ms," \
  "idle heap $(printf '%s\n' "${heaps[@]}" | median) MB, rss $(printf '%s\n' "${rsss[@]}" | median) MB," \
  "install-to-view $(printf '%s\n' "${installs[@]}" | median) ms ($(nproc) cores)"
