#!/usr/bin/env bash
# Starts one of the evaluation's deployments on this machine and keeps it up until Ctrl-C (README "Evaluation"):
#
#   evaluation/deploy.sh http        # every NF its own JVM over HTTP, Redis, etcd; also in-process, hybrid, functions
#
# It prints the N2 address (SCTP over UDP) for ransim, each process's PID, URL and log. SKIP_BUILD=1 reuses the jars.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
if [[ "${1:-}" == "--help" || $# -eq 0 ]]; then
  sed -n '2,6p' "$0"; exit 0
fi
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$REPO" && ./mvnw -B -q -pl evaluation,ransim -am package -DskipTests -Dliquid5gc.aws.skip=true)
fi
cd "$REPO"
exec "$JAVA" -cp "$HERE/target/evaluation.jar" io.liquid5gc.evaluation.deploy.DeployMain "$@" --repository "$REPO"
