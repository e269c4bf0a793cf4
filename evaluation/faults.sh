#!/usr/bin/env bash
# The fault-injection suite (README "Faults", docs/operations.md "Faults"): builds the jars it runs, starts the all-HTTP
# deployment (every NF its own JVM, Redis with AOF, etcd), puts a steady load on it through ransim and injects the
# faults one after the other; prints the fault table and writes it to <out>/faults.md.
#
#   evaluation/faults.sh                                  # every fault, 50 tracked UEs (10-20 minutes here)
#   evaluation/faults.sh --faults amf-kill,n2-loss --ues 20 --impairment-seconds 30 --seed 17 --out target/faults
#
# Faults: amf-kill smf-kill ausf-kill udm-kill redis-restart etcd-restart upf-restart n2-loss n2-duplicate n2-reorder
# n2-mixed, or "all", or "bounded" (the CI's: amf-kill, redis-restart, n2-mixed). upf-restart runs the real UPF
# (../shared/tools/open5gs-upf/upf.sh, LIQUID5GC_UPF_TOOLS; root) with the SMF on N4 to it for the whole run, and is
# skipped (said so) where that cannot run. SKIP_BUILD=1 reuses the jars already built.
# Exits 1 when a fault lost a UE or a kind of procedure never recovered.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
if [[ "${1:-}" == "--help" ]]; then
  sed -n '2,13p' "$0"; exit 0
fi
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$REPO" && ./mvnw -B -q -pl evaluation -am package -DskipTests -Dliquid5gc.aws.skip=true)
fi
cd "$REPO"
exec "$JAVA" -cp "$HERE/target/evaluation.jar" io.liquid5gc.evaluation.faults.FaultMain --repository "$REPO" "$@"
