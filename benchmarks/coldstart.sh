#!/usr/bin/env bash
# Cold start of one function process, step by step (docs/operations.md "Cold start"):
#
#   ./mvnw -B -pl nf-nssf,benchmarks -am install -DskipTests -Dliquid5gc.aws.skip=true
#   benchmarks/coldstart.sh nf-nssf/target/nf-nssf-0.1.0-SNAPSHOT-exec.jar nssf-slice-select \
#       nf-nssf/src/main/resources/META-INF/liquid5gc/training/nssf-slice-select.json allowedNssaiList
#
# Steps (STEPS="fat extracted aot-refresh aot-requests lean spring-aot final" by default; LAUNCHES=5, CALLS=1000,
# SETTLE=0: seconds idle after the calls before the memory is read again):
#   fat           java -jar <exec jar>
#   extracted     the jar extracted (java -Djarmode=tools -jar app.jar extract), run from the plain class path
#   aot-refresh   + JDK AOT cache (JEP 483/514) from a training run that exits once the context is refreshed
#   aot-requests  + the cache from a training run serving real requests (liquid5gc.training.requests=300)
#   lean          + the lean context (Liquid5gcDefaults' exclusions; the steps above run without them:
#                 -Dspring.autoconfigure.exclude= empties the list)
#   spring-aot    + Spring AOT (the jar's process-aot output, -Dspring.aot.enabled=true), trained the same way
#   final         + the JVM sizing of the image (deploy/docker/jvm.options) and the chart's faas heap (FINAL_HEAP)
# Each step's training and runs are the commands deploy/docker/Dockerfile runs. Every run: the benchmark's own token
# (SBI security on; the process gets the benchmark's public JWK set), in-process stores.
set -euo pipefail

JAR=$(realpath "$1"); FUNCTION=$2; BODY=$(realpath "$3"); EXPECT=${4:-}
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64/bin/java 2>/dev/null || command -v java)}
BENCH=${BENCH:-$HERE/target/benchmarks.jar}
WORK=${WORK:-/tmp/liquid5gc-coldstart}
STEPS=${STEPS:-fat extracted aot-refresh aot-requests lean spring-aot final}
LAUNCHES=${LAUNCHES:-5}
CALLS=${CALLS:-1000}
# seconds to wait after the calls, idle, before reading the memory once more (0: not)
SETTLE=${SETTLE:-0}
TRAINING_REQUESTS=${TRAINING_REQUESTS:-300}
# the heap, JIT and buffers of the final step: the chart's default for faas replicas (nfDefaults.knative.javaOptions)
FINAL_HEAP=${FINAL_HEAP:--Xmx64m -Xmn4m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=2 -Dio.netty.allocator.type=unpooled -XX:TrimNativeHeapInterval=5000}
# the image's options, one per line (deploy/docker/jvm.options): GC, JIT, heap, metaspace, code cache, stacks
FINAL_OPTIONS=$(grep -v '^#' "$HERE/../deploy/docker/jvm.options" | grep -v '^$' | tr '\n' ' ')
BASE="-XX:+UseSerialGC --enable-native-access=ALL-UNNAMED"
NOLEAN="-Dspring.autoconfigure.exclude="
TRAIN="-Dserver.port=0 -Dliquid5gc.provisioning.default-subscribers=none -Dliquid5gc.store.memory.journal=none -Dio.netty.allocator.type=unpooled"

rm -rf "$WORK" && mkdir -p "$WORK/app"
cp "$JAR" "$WORK/app.jar"
# as the image's extract stage (deploy/docker/extract.sh: -Djarmode=tools -jar app.jar extract, by layer), keeping the
# store clients named in STORES (default "redis etcd", as the image; STORES= for the in-memory store alone)
JAVA="$JAVA" sh "$HERE/../deploy/docker/extract.sh" "$WORK/app.jar" "$WORK/app" "${STORES-redis etcd}"
cd "$WORK/app"
# Spring AOT's frozen bean definitions name every store engine of the build: without one (STORES), no Spring AOT
SPRING_AOT=-Dspring.aot.enabled=true
if [ -s pruned-stores ]; then
    SPRING_AOT=
    echo "note: STORES left out $(tr '\n' ' ' < pruned-stores)- the spring-aot and final steps run without Spring AOT"
fi

measure() { # label, java options...
    local label=$1; shift
    "$JAVA" -cp "$BENCH" io.liquid5gc.benchmarks.coldstart.ColdStart --label "$label" --dir "$WORK/app" \
        --function "$FUNCTION" --body "$BODY" --expect "$EXPECT" --launches "$LAUNCHES" --calls "$CALLS" \
        --settle "$SETTLE" \
        -- "$JAVA" "$@" | tee -a "$WORK/results.txt"
}
train() { # cache file, java options... (the training JVM writes the cache when it exits)
    local cache=$1; shift
    rm -f "$cache"
    "$JAVA" -XX:AOTCacheOutput="$cache" "$@" -jar app.jar > "$cache.log" 2>&1 || { tail -30 "$cache.log"; exit 1; }
    test -s "$cache"
}

echo "machine: $(nproc) CPUs, $(uptime)" | tee "$WORK/results.txt"
for step in $STEPS; do
    case $step in
        fat) measure "fat jar" $BASE $NOLEAN -jar "$WORK/app.jar" ;;
        extracted) measure "extracted" $BASE $NOLEAN -jar app.jar ;;
        aot-refresh)
            train refresh.aot $BASE $NOLEAN $TRAIN -Dspring.context.exit=onRefresh
            measure "+ AOT cache (context refresh)" -XX:AOTCache=refresh.aot $BASE $NOLEAN -jar app.jar ;;
        aot-requests)
            train requests.aot $BASE $NOLEAN $TRAIN -Dliquid5gc.training.requests="$TRAINING_REQUESTS"
            measure "+ request training" -XX:AOTCache=requests.aot $BASE $NOLEAN -jar app.jar ;;
        lean)
            train lean.aot $BASE $TRAIN -Dliquid5gc.training.requests="$TRAINING_REQUESTS"
            measure "+ lean context" -XX:AOTCache=lean.aot $BASE -jar app.jar ;;
        spring-aot)
            train spring.aot $BASE $TRAIN $SPRING_AOT -Dliquid5gc.training.requests="$TRAINING_REQUESTS"
            measure "+ Spring AOT" -XX:AOTCache=spring.aot $BASE $SPRING_AOT -jar app.jar ;;
        final)
            train final.aot $FINAL_OPTIONS $TRAIN $SPRING_AOT -Dliquid5gc.training.requests="$TRAINING_REQUESTS"
            measure "final (+ JVM sizing)" -XX:AOTCache=final.aot $FINAL_OPTIONS $FINAL_HEAP $SPRING_AOT -jar app.jar ;;
        *) echo "unknown step $step" >&2; exit 2 ;;
    esac
done

echo
echo "| step | first answer, median (min-max) | CPU s | RSS MB at first answer | RSS MB after $CALLS calls | Pss MB | load before -> after |"
echo "|---|---|---|---|---|---|---|"
grep '^RESULT|' "$WORK/results.txt" | while IFS='|' read -r _ label med min max cpu rss1 rss pss l1 l2; do
    echo "| $label | $med ms ($min-$max) | $cpu | $rss1 | $rss | $pss | $l1 -> $l2 |"
done
