#!/usr/bin/env bash
# AMF overload at twice the sustainable registration rate (docs/operations.md "AMF overload control"). Per run:
#  1. the sustainable rate: the all-in-one core (in-process, SUBSCRIBERS subscribers, N2 on a free loopback UDP port,
#     the per-association Initial UE Message limit off, the admission limit off: the core's own capacity), warmed up,
#     then rates from FIRST_RATE up by 25 % for STEP_SECONDS each with ransim's UE life SCENARIO: the highest with
#     registration p99 at or below TARGET_P99_MS and nothing refused or failed;
#  2. a fresh core with the settings given as arguments (none: the defaults), warmed up, offered twice that rate for
#     SECONDS_AT_2X: UEs admitted, refused with 5GMM #22, other failures, the admitted UEs' registration p50/p99, the
#     core's max RSS and heap in use, its live heap (after a full GC) before and after.
# Then the medians of the runs.
#
#   evaluation/overload.sh                                  # RUNS=3, SECONDS_AT_2X=60, TARGET_P99_MS=1000
#   evaluation/overload.sh --liquid5gc.proxy.overload.admission-latency=0      # arguments go to the core at 2x
#
# Other settings: WARMUP_SECONDS (20), STEP_SECONDS (10), FIRST_RATE (200), SCENARIO (deregister: register, a PDU
# session, de-register, so the core's state stays flat), SUBSCRIBERS (400000), WORK (/tmp/liquid5gc-overload),
# SKIP_BUILD=1 reuses the jars. A run where ransim gave up at 2x (its N2 association broken) is a row saying so; the
# medians are over the other runs. Exits 1 when the core died.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
JSTAT=${JSTAT:-$(dirname "$(readlink -f "$JAVA")")/jstat}
JCMD=${JCMD:-$(dirname "$(readlink -f "$JAVA")")/jcmd}
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,18p' "$0"; exit 0
fi
RUNS=${RUNS:-3}
AT_2X=${SECONDS_AT_2X:-60}
TARGET_MS=${TARGET_P99_MS:-1000}
STEP=${STEP_SECONDS:-10}
FIRST_RATE=${FIRST_RATE:-200}
WARMUP=${WARMUP_SECONDS:-20}
SCENARIO=${SCENARIO:-deregister}
SUBSCRIBERS=${SUBSCRIBERS:-400000}
WORK=${WORK:-/tmp/liquid5gc-overload}
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$REPO" && ./mvnw -B -q -pl all-in-one,ransim -am package -DskipTests -Dliquid5gc.aws.skip=true)
fi
CORE_JAR=$REPO/all-in-one/target/liquid5gc.jar
RANSIM_JAR=$REPO/ransim/target/ransim.jar
CORE_PID=

free_udp_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! ss -Hlun "sport = :$p" | grep -q .; then echo "$p"; return; fi
  done
  echo "no free UDP port" >&2; exit 1
}

stop_core() {
  if [[ -n "$CORE_PID" ]] && kill -0 "$CORE_PID" 2>/dev/null; then
    kill "$CORE_PID"; wait "$CORE_PID" 2>/dev/null || true
  fi
  CORE_PID=
}
trap stop_core EXIT

start_core() { # $1: run directory; the rest: the core's own arguments
  local dir=$1; shift
  rm -rf "$dir" && mkdir -p "$dir"
  sed "s/count: 1000/count: $SUBSCRIBERS/" "$REPO/all-in-one/src/main/resources/default-subscribers.yaml" > "$dir/subscribers.yaml"
  N2_PORT=$(free_udp_port)
  (cd "$dir" && exec "$JAVA" -jar "$CORE_JAR" --server.port=0 --liquid5gc.proxy.sctp.udp-bind-address=127.0.0.1 \
      --liquid5gc.proxy.sctp.udp-port="$N2_PORT" --liquid5gc.proxy.sctp.kernel=off \
      --liquid5gc.provisioning.default-subscribers="file:$dir/subscribers.yaml" \
      --liquid5gc.proxy.limits.initial-ue-messages-per-second=0 "$@" > "$dir/core.log" 2>&1) &
  CORE_PID=$!
  local waited=0
  until grep -q "N2: SCTP over UDP on" "$dir/core.log" 2>/dev/null; do
    if ! kill -0 "$CORE_PID" 2>/dev/null; then echo "the core did not start: $dir/core.log" >&2; tail -20 "$dir/core.log" >&2; exit 1; fi
    if (( waited > 600 )); then echo "the core did not start within 600 s: $dir/core.log" >&2; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
}

# ransim RATE UES FIRST_MSIN_INDEX OUT: one load run, its JSON report in OUT (stderr beside it)
ransim() {
  local imsi; imsi=$(printf "00101%010d" "$3")
  "$JAVA" -jar "$RANSIM_JAR" register --core "127.0.0.1:$N2_PORT" --ues "$2" --rate "$1" --concurrency 10000000 \
      --imsi "$imsi" --scenario "$SCENARIO" --json > "$4" 2> "$4.err" || true
  if ! grep -q '"registrations"' "$4"; then echo "ransim wrote no report: $4.err" >&2; grep -v '^\s*at ' "$4.err" | tail -3 >&2; return 1; fi
}

# field FILE NAME: a number of ransim's JSON report (registrations unless the name says otherwise)
reg_field() {
  local reg; reg=$(grep -o '"registrations":{[^}]*{[^}]*},"latencyMs":{[^}]*}' "$1")
  case $2 in
    succeeded|failed) sed -E "s/.*\"$2\":([0-9]+).*/\1/" <<<"$reg" ;;
    cause22) { grep -o '"5gmm-cause-22":[0-9]*' <<<"$reg" || echo ":0"; } | cut -d: -f2 ;;
    p50|p99) sed -E "s/.*\"$2\":([0-9.NaN]+).*/\1/" <<<"$reg" ;;
  esac
}
other_failed() { # failures of the later steps (PDU sessions, de-registration)
  local s l
  s=$(grep -o '"pduSessions":{"succeeded":[0-9]*,"failed":[0-9]*' "$1" | sed -E 's/.*"failed":([0-9]+)/\1/')
  l=$(grep -o '"laterSteps":{"succeeded":[0-9]*,"failed":[0-9]*' "$1" | sed -E 's/.*"failed":([0-9]+)/\1/')
  echo $(( ${s:-0} + ${l:-0} ))
}
heap_used_mb() { # heap in use now (young + old), MB
  "$JSTAT" -gc "$CORE_PID" | awk 'NR==2 { printf "%d", ($3 + $4 + $6 + $8) / 1024 }'
}
live_heap_mb() { # heap in use after a full collection, MB
  "$JCMD" "$CORE_PID" GC.run > /dev/null; heap_used_mb
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else print a[int((NR + 1) / 2)] }'; }

RESULTS=$WORK/results.txt
mkdir -p "$WORK"; : > "$RESULTS"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')" >&2
warm_up() { # $1: run directory; uses and advances $next
  ransim "$FIRST_RATE" $((FIRST_RATE * WARMUP)) $next "$1/warmup.json" || exit 1; next=$((next + FIRST_RATE * WARMUP))
}
for run in $(seq 1 "$RUNS"); do
  dir=$WORK/run-$run
  start_core "$dir/sweep" --liquid5gc.proxy.overload.admission-latency=0
  next=1
  echo "run $run: sustainable rate: core pid $CORE_PID (no admission limit), N2 127.0.0.1:$N2_PORT; warm-up ${WARMUP} s at $FIRST_RATE/s" >&2
  warm_up "$dir/sweep"
  rate=$FIRST_RATE; sustainable=0
  while :; do
    ues=$((rate * STEP))
    ransim "$rate" "$ues" $next "$dir/sweep/step-$rate.json" || exit 1; next=$((next + ues))
    failed=$(reg_field "$dir/sweep/step-$rate.json" failed); p99=$(reg_field "$dir/sweep/step-$rate.json" p99)
    other=$(other_failed "$dir/sweep/step-$rate.json")
    echo "  $rate/s: registration p99 $p99 ms, $failed refused or failed, $other later steps failed" >&2
    if (( failed > 0 || other > 0 )) || awk -v p="$p99" -v t="$TARGET_MS" 'BEGIN { exit !(p > t) }'; then break; fi
    sustainable=$rate
    rate=$(( rate * 5 / 4 ))
    if (( next + rate * STEP >= SUBSCRIBERS )); then echo "  (SUBSCRIBERS too few to go on)" >&2; break; fi
  done
  stop_core
  if (( sustainable == 0 )); then echo "run $run: not even $FIRST_RATE/s is sustainable" >&2; continue; fi
  start_core "$dir/at-2x" "$@"
  next=1
  echo "  sustainable $sustainable/s; at 2x: core pid $CORE_PID (${*:-the defaults}), N2 127.0.0.1:$N2_PORT; warm-up ${WARMUP} s at $FIRST_RATE/s" >&2
  warm_up "$dir/at-2x"
  double=$((sustainable * 2)); ues=$((double * AT_2X))
  live_before=$(live_heap_mb)
  if (( next + ues >= SUBSCRIBERS )); then echo "SUBSCRIBERS ($SUBSCRIBERS) too few for $ues UEs at 2x" >&2; exit 1; fi
  echo "  now $double/s for $AT_2X s ($ues UEs); live heap before $live_before MB" >&2
  samples=$dir/samples.txt; : > "$samples"
  ( while kill -0 "$CORE_PID" 2>/dev/null; do
      echo "$(ps -o rss= -p "$CORE_PID" 2>/dev/null || echo 0) $(heap_used_mb 2>/dev/null || echo 0)" >> "$samples"; sleep 1
    done ) &
  sampler=$!
  gnb_ok=1; ransim "$double" "$ues" $next "$dir/at-2x/at-2x.json" || gnb_ok=0
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  if ! kill -0 "$CORE_PID" 2>/dev/null; then echo "run $run: THE CORE DIED: $dir/at-2x/core.log" >&2; exit 1; fi
  if (( gnb_ok == 0 )); then # the load generator gave up (e.g. its N2 association broke): a row that says so
    echo "$sustainable $double $ues - - ransim-gave-up - - - - $live_before -" >> "$RESULTS"; stop_core; continue
  fi
  live_after=$(live_heap_mb)
  f=$dir/at-2x/at-2x.json
  echo "  admitted $(reg_field "$f" succeeded), #22 $(reg_field "$f" cause22), p50 $(reg_field "$f" p50) ms, p99 $(reg_field "$f" p99) ms" >&2
  max_rss=$(awk '{ if ($1 > m) m = $1 } END { printf "%d", m / 1024 }' "$samples")
  max_heap=$(awk '{ if ($2 > m) m = $2 } END { printf "%d", m }' "$samples")
  admitted=$(reg_field "$f" succeeded); failed=$(reg_field "$f" failed); c22=$(reg_field "$f" cause22)
  other=$(( failed - c22 + $(other_failed "$f") ))
  echo "$sustainable $double $ues $admitted $c22 $other $(reg_field "$f" p50) $(reg_field "$f" p99) $max_rss $max_heap $live_before $live_after" >> "$RESULTS"
  stop_core
done

printf "\n%-6s %12s %10s %10s %10s %14s %8s %14s %14s %10s %12s %15s\n" run "sustainable/s" "offered/s" admitted \
    "#22" "other failed" "" "admitted p50" "admitted p99" "max RSS" "max heap" "live heap" 
printf "%-6s %12s %10s %10s %10s %14s %8s %14s %14s %10s %12s %15s\n" "" "(p99<=${TARGET_MS}ms)" "(${AT_2X} s)" "" "" "" "" "(ms)" "(ms)" "(MB)" "(MB)" "before/after"
n=0
while read -r s d u a c o p50 p99 rss heap lb la; do
  n=$((n + 1))
  share=$c; [[ "$c" == "-" ]] || share="$c ($((100 * c / u)) %)"
  printf "%-6s %12s %10s %10s %10s %14s %8s %14s %14s %10s %12s %15s\n" "$n" "$s" "$d" "$a" "$share" "$o" "" \
      "$p50" "$p99" "$rss" "$heap" "$lb/$la"
done < "$RESULTS"
col() { awk -v c="$1" '$c ~ /^[0-9.]+$/ { print $c }' "$RESULTS" | median; }
printf "%-6s %12s %10s %10s %10s %14s %8s %14s %14s %10s %12s %15s\n" median "$(col 1)" "$(col 2)" "$(col 4)" "$(col 5)" "$(col 6)" "" \
    "$(col 7)" "$(col 8)" "$(col 9)" "$(col 10)" "$(col 11)/$(col 12)"
echo "load: $(uptime | sed 's/.*load/load/')"
