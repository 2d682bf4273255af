#!/usr/bin/env bash
# Benchmark: mlops analyze on the benchmark log's requests written as each export format, against the
# same requests as plain JSONL; and OTLP/JSON at about 1 GB.
#   bench/formats.sh                 500,000 requests a format (RECORDS=...), best of 3 runs (RUNS=...)
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${RECORDS:-500000}
OTLP_RECORDS=${OTLP_RECORDS:-1000000}
. bench/lib.sh
build
gen() {  # gen FORMAT RECORDS -> file name
    local f="$DATA/export-$1-$2.jsonl"
    if [ ! -s "$f" ]; then
        java -cp "$CP" dev.mlops.bench.GenerateExports "$1" "$f.tmp" "$2" && mv "$f.tmp" "$f"
    fi
    echo "$f"
}
timed() {  # timed FILE -> "wall_s peak_MB"
    local w k
    cat "$1" > /dev/null
    read -r w k < <(best "${MLOPS[@]}" analyze "$1" --threads 2 --format json)
    echo "$w $((k / 1024))"
}
echo "$RECORDS requests a format, $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%F)"
printf "%-16s %8s %8s %10s %8s %9s\n" format size_MB wall_s records/s peak_MB vs_jsonl
base=""
for f in jsonl litellm openai-batch anthropic-batch helicone otlp; do
    file=$(gen "$f" "$RECORDS")
    read -r wall mb < <(timed "$file")
    size=$(( $(stat -c %s "$file") / 1000000 ))
    [ -z "$base" ] && base=$wall
    printf "%-16s %8d %8.2f %10.0f %8d %8.2fx\n" "$f" "$size" "$wall" "$(awk "BEGIN{print $RECORDS/$wall}")" "$mb" \
        "$(awk "BEGIN{print $base/$wall}")"
done
file=$(gen otlp "$OTLP_RECORDS")
read -r wall mb < <(timed "$file")
size=$(( $(stat -c %s "$file") / 1000000 ))
printf "otlp, %d MB: %.2f s, %.0f spans/s, %.0f MB/s, peak %d MB\n" "$size" "$wall" \
    "$(awk "BEGIN{print $OTLP_RECORDS/$wall}")" "$(awk "BEGIN{print $size/$wall}")" "$mb"
