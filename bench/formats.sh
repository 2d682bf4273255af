#!/usr/bin/env bash
# Benchmark: mlops analyze on the benchmark log's requests written as each export format, against the
# same requests as plain JSONL; and OTLP/JSON at about 1 GB.
#   bench/formats.sh                 500,000 requests a format (RECORDS=...), best of 3 runs (RUNS=...)
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${RECORDS:-500000}
RUNS=${RUNS:-3}
OTLP_RECORDS=${OTLP_RECORDS:-1000000}
DATA=bench/data
mkdir -p "$DATA"
echo "building..." >&2
mvn -q -B -Dstyle.color=never -Pbench -DskipTests package >&2
mvn -q -B -Dstyle.color=never -Pbench dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.cp >&2
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
gen() {  # gen FORMAT RECORDS -> file name
    local f="$DATA/export-$1-$2.jsonl"
    if [ ! -s "$f" ]; then
        java -cp "$CP" dev.mlops.bench.GenerateExports "$1" "$f.tmp" "$2" && mv "$f.tmp" "$f"
    fi
    echo "$f"
}
best() {  # best FILE -> "wall_s peak_MB"
    local b="" m=""
    cat "$1" > /dev/null
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o target/fmt.time java -XX:+UseParallelGC -Xmx256m -Dpicocli.disable.closures=true \
            -jar target/mlops.jar analyze "$1" --threads 2 \
            --format json > /dev/null 2> target/fmt.err || { cat target/fmt.err >&2; exit 1; }
        read -r w k < target/fmt.time
        if [ -z "$b" ] || awk "BEGIN{exit !($w < $b)}"; then b=$w; m=$((k / 1024)); fi
    done
    echo "$b $m"
}
echo "$RECORDS requests a format, $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%F)"
printf "%-16s %8s %8s %10s %8s %9s\n" format size_MB wall_s records/s peak_MB vs_jsonl
base=""
for f in jsonl litellm openai-batch anthropic-batch helicone otlp; do
    file=$(gen "$f" "$RECORDS")
    read -r wall mb < <(best "$file")
    size=$(( $(stat -c %s "$file") / 1000000 ))
    [ -z "$base" ] && base=$wall
    printf "%-16s %8d %8.2f %10.0f %8d %8.2fx\n" "$f" "$size" "$wall" "$(awk "BEGIN{print $RECORDS/$wall}")" "$mb" \
        "$(awk "BEGIN{print $base/$wall}")"
done
file=$(gen otlp "$OTLP_RECORDS")
read -r wall mb < <(best "$file")
size=$(( $(stat -c %s "$file") / 1000000 ))
printf "otlp, %d MB: %.2f s, %.0f spans/s, %.0f MB/s, peak %d MB\n" "$size" "$wall" \
    "$(awk "BEGIN{print $OTLP_RECORDS/$wall}")" "$(awk "BEGIN{print $size/$wall}")" "$mb"
