#!/usr/bin/env bash
# Hop by hop: runs ransim against a deployment started by deploy.sh and prints, per process, each HTTP hop's calls per
# registration and mean time (server side, function alone, caller's view) and the CPU (utime+stime from /proc) each
# process used per registration, from the processes' /actuator/prometheus before and after (docs/operations.md
# "Registration over HTTP, hop by hop"):
#
#   evaluation/deploy.sh http | tee /tmp/deploy.log      # in another terminal
#   evaluation/hops.sh /tmp/deploy.log --ues 500 --concurrency 1
#
# The arguments after the log go to `ransim register` (--core is taken from the log). Run it after a warm-up.
set -euo pipefail
if [[ $# -lt 1 || "$1" == "--help" ]]; then
  sed -n '2,10p' "$0"; exit 0
fi
LOG=$1; shift
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
N2=$(grep -o "N2 (SCTP over UDP) at [0-9.:]*" "$LOG" | awk '{print $NF}' | tail -1)
[[ -n "$N2" ]] || { echo "no 'N2 (SCTP over UDP) at' line in $LOG: is it deploy.sh's output?" >&2; exit 2; }
UES=100
for ((i = 1; i <= $#; i++)); do [[ "${!i}" == "--ues" ]] && { j=$((i + 1)); UES=${!j}; }; done
TICK=$(getconf CLK_TCK)

snapshot() { # name kind key value: the metrics of every process with a URL, and each process's CPU ticks
  grep -oE "^  [a-z0-9-]+ pid [0-9]+ http://[0-9.:]+" "$LOG" | while read -r name _ pid url; do
    [[ "$name" == redis || "$name" == etcd ]] && continue # no metrics; Redis logs an HTTP request as an attack
    curl -s --max-time 10 "$url/actuator/prometheus" \
      | grep -E '^(http_server_requests|liquid5gc_function_invocations|liquid5gc_function_calls)_seconds_(count|sum)\{' \
      | grep -v 'uri="/actuator' \
      | sed -E 's/^([a-z_0-9]+)_seconds_(count|sum)\{(.*)\} ([0-9.eE+-]+)$/\1 \2 \3 \4/' \
      | awk -v n="$name" '{ m = $1; k = $2; v = $NF; l = $0; key = "";
          if (match(l, /function="[^"]+"/)) key = substr(l, RSTART + 10, RLENGTH - 11);
          else if (match(l, /uri="[^"]+"/)) key = substr(l, RSTART + 5, RLENGTH - 6);
          print n, m, key, k, v }' || true
  done
  grep -oE "^  [a-z0-9-]+ pid [0-9]+" "$LOG" | while read -r name _ pid; do
    echo "$name cpu - ticks $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
  done
}

BEFORE=$(mktemp); AFTER=$(mktemp); trap 'rm -f "$BEFORE" "$AFTER"' EXIT
snapshot > "$BEFORE"
"$JAVA" -jar "$HERE/../ransim/target/ransim.jar" register --core "$N2" "$@" 2>/dev/null | grep -E "registered|failed|p50|p99|through"
snapshot > "$AFTER"
echo "uptime: $(uptime)"
printf "%-9s %-34s %-36s %8s %9s\n" process metric "function / uri" "per reg" "mean ms"
awk -v ues="$UES" -v tick="$TICK" '
  FNR == NR { a[$1 " " $2 " " $3 " " $4] += $5; next }
  { b[$1 " " $2 " " $3 " " $4] += $5; keys[$1 " " $2 " " $3] = 1 }
  END {
    for (k in keys) {
      split(k, p, " ")
      if (p[2] == "cpu") continue
      c = b[k " count"] - a[k " count"]; s = b[k " sum"] - a[k " sum"]
      if (c >= ues / 2) printf "%-9s %-34s %-36s %8.1f %9.3f\n", p[1], p[2], p[3], c / ues, 1000 * s / c
    }
    total = 0
    for (k in keys) {
      split(k, p, " ")
      if (p[2] != "cpu") continue
      ms = (b[k " ticks"] - a[k " ticks"]) * 1000 / tick / ues; total += ms
      printf "%-9s cpu ms per registration %.2f\n", p[1], ms
    }
    printf "all       cpu ms per registration %.2f\n", total
  }' "$BEFORE" "$AFTER" | sort -k1,1 -k2,2
