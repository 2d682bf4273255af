#!/usr/bin/env bash
# Benchmark: mlops abtest against mlops analyze on the same 2,000,000-line benchmark log (3 metrics),
# and abtest on a log of 5,000,000 distinct users under -Xmx1g.
#   bench/abtest.sh           LINES=... USERS=... RUNS=... to change the sizes
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-2000000}
USERS=${USERS:-5000000}
. bench/lib.sh
build
LOG=$DATA/log-$LINES.jsonl
if [ ! -s "$LOG" ]; then
    java -cp "$CP" dev.mlops.bench.GenerateLog "$LOG.tmp" "$LINES" && mv "$LOG.tmp" "$LOG"
fi
EXP=$DATA/experiment-$USERS.jsonl
if [ ! -s "$EXP" ]; then
    java -cp "$CP" dev.mlops.bench.GenerateExperiment "$EXP.tmp" "$USERS" && mv "$EXP.tmp" "$EXP"
fi
METRICS=(--metric error_rate --metric latency_ms --metric output_tokens)
cat "$LOG" > /dev/null
read -r aw ak < <(best "${MLOPS[@]}" analyze "$LOG" --format json)
read -r bw bk < <(best "${MLOPS[@]}" abtest "$LOG" "${METRICS[@]}" --format json)
echo "$LINES lines ($(( $(stat -c %s "$LOG") / 1000000 )) MB), $(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%F)"
printf "%-22s %8s %8s %11s\n" run wall_s peak_MB vs_analyze
printf "%-22s %8.2f %8d %10.2fx\n" analyze "$aw" $((ak / 1024)) 1
printf "%-22s %8.2f %8d %10.2fx\n" "abtest, 3 metrics" "$bw" $((bk / 1024)) "$(awk "BEGIN{print $bw/$aw}")"
cat "$EXP" > /dev/null
HEAP=1g
MLOPS=(java -XX:+UseParallelGC -Xmx1g -Dpicocli.disable.closures=true -jar target/mlops.jar)
read -r uw uk < <(best "${MLOPS[@]}" abtest "$EXP" "${METRICS[@]}" --format json)
printf "%s distinct users (%d MB), -Xmx1g: %.2f s, peak %d MB\n" "$USERS" $(( $(stat -c %s "$EXP") / 1000000 )) \
    "$uw" $((uk / 1024))
