#!/usr/bin/env bash
# The evaluation suite (README "Evaluation", docs/operations.md "Evaluation"): builds the jars it runs, then measures.
#
#   evaluation/evaluate.sh                       # the paper's full evaluation: every scenario and deployment, 3 repetitions
#   evaluation/evaluate.sh --short               # short mode: durations x 0.05, one repetition, 10 UEs per storm wave
#   evaluation/evaluate.sh --scenarios low,medium --deployments in-process,http,hybrid --repetitions 3 \
#       --duration-scale 1.0 --out target/evaluation
#   evaluation/evaluate.sh --replay campus --replay-hour 10s --unit-idle 30s   # daily replay, with and without pre-warming
#
# Options are EvaluationOptions' (--help lists them); the report is <out>/report.md with plots/ and the raw CSV/JSON.
# SKIP_BUILD=1 reuses the jars already built.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
ARGS=()
for a in "$@"; do
  if [[ "$a" == "--short" ]]; then
    ARGS+=(--duration-scale 0.05 --repetitions 1 --storm-ues 10 --profile-ues 10)
  elif [[ "$a" == "--help" ]]; then
    sed -n '2,13p' "$0"; exit 0
  else
    ARGS+=("$a")
  fi
done
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  (cd "$REPO" && ./mvnw -B -q -pl evaluation -am package -DskipTests -Dliquid5gc.aws.skip=true)
fi
cd "$REPO"
exec "$JAVA" -Djava.awt.headless=true -jar "$HERE/target/evaluation.jar" --repository "$REPO" "${ARGS[@]}"
