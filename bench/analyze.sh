#!/usr/bin/env bash
# Benchmark: mlops analyze against a plain Jackson streaming loop and DuckDB's read_json, on the
# same generated JSONL log (default 2,000,000 lines, about 2.5 GB, kept in bench/data/).
#   bench/analyze.sh            run the comparison (3 runs each, best wall time)
#   bench/analyze.sh --jmh      also run the JMH microbenchmark of the reader
#   LINES=200000 bench/analyze.sh   a smaller log
# It also times a gzip of the log against zcat, and peak memory at half, once and twice the lines.
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-2000000}
. bench/lib.sh
LOG=$DATA/log-$LINES.jsonl
build

if [ ! -s "$LOG" ]; then
    echo "generating $LOG ($LINES lines)..." >&2
    java -cp "$CP" dev.mlops.bench.GenerateLog "$LOG.tmp" "$LINES"
    mv "$LOG.tmp" "$LOG"
fi
BYTES=$(stat -c %s "$LOG")
cat "$LOG" > /dev/null   # warm the page cache so every contender reads from memory

# run NAME CMD... : best wall time of $RUNS runs, and the peak RSS of that run
results=()
run() {
    local name=$1 out; shift
    out=$(best "$@")
    results+=("$name $out")
    echo "  $name: ${out% *}s" >&2
}

# versus NAME: the results as a table, with each time as a multiple of NAME's
versus() {
    printf '%-16s %8s %9s %12s\n' contender wall_s peak_MB "vs_$1"
    local base r
    base=$(printf '%s\n' "${results[@]}" | awk -v n="$1" '$1==n{print $2}')
    for r in "${results[@]}"; do
        set -- $r
        awk -v n="$1" -v w="$2" -v rss="$3" -v a="$base" 'BEGIN{printf "%-16s %8.2f %9.0f %11.2fx\n", n, w, rss/1024, w/a}'
    done
}

echo "timing ($RUNS runs each, best of)..." >&2
run "mlops-1-thread"   "${MLOPS[@]}" analyze "$LOG" --threads 1 --format json
run "mlops-2-threads"  "${MLOPS[@]}" analyze "$LOG" --threads 2 --format json
run "jackson-loop"     java -cp "$CP" dev.mlops.bench.JacksonLoop "$LOG"
run "duckdb"           java -cp "$CP" dev.mlops.bench.DuckDbQuery "$LOG"

printf '\n%s: %d lines, %.2f GB, %s, %d cores, %s\n' "$LOG" "$LINES" "$(awk "BEGIN{print $BYTES/1e9}")" \
    "$(java -version 2>&1 | head -1)" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '%-16s %8s %12s %9s %9s %10s %10s\n' contender wall_s records/s MB/s peak_MB vs_jackson vs_duckdb
jackson=$(printf '%s\n' "${results[@]}" | awk '$1=="jackson-loop"{print $2}')
duck=$(printf '%s\n' "${results[@]}" | awk '$1=="duckdb"{print $2}')
for r in "${results[@]}"; do
    set -- $r
    awk -v n="$1" -v w="$2" -v rss="$3" -v lines="$LINES" -v bytes="$BYTES" -v j="$jackson" -v d="$duck" \
        'BEGIN{printf "%-16s %8.2f %12.0f %9.0f %9.0f %9.2fx %9.2fx\n", n, w, lines/w, bytes/1e6/w, rss/1024, j/w, d/w}'
done
echo "(vs_*: how many times faster than that contender; above 1 is faster)"

# drift over two windows of half the log each, text terms included, against analyze on the same files
A=$DATA/window-a-$LINES.jsonl
B=$DATA/window-b-$LINES.jsonl
[ -s "$A" ] || head -n $((LINES / 2)) "$LOG" > "$A"
[ -s "$B" ] || tail -n $((LINES / 2)) "$LOG" > "$B"
cat "$A" "$B" > /dev/null
results=()
echo "timing drift ($RUNS runs each, best of)..." >&2
run "analyze-A+B"      "${MLOPS[@]}" analyze "$A" "$B" --format json
run "drift-A-vs-B"     "${MLOPS[@]}" drift --baseline "$A" --current "$B" --format json
run "drift-all-text"   "${MLOPS[@]}" drift --baseline "$A" --current "$B" --format json --text-sample 0
printf '\ndrift: two windows of %d lines each\n' $((LINES / 2))
versus analyze-A+B
echo "(vs_analyze: the time as a multiple of analyze's on the same two files)"

# select 10,000 with deduplication from the whole log, -Xmx512m, against analyze on it
results=()
echo "timing select ($RUNS runs each, best of)..." >&2
SELECT=("${MLOPS[@]/-Xmx256m/-Xmx512m}")
run "analyze-log"      "${SELECT[@]}" analyze "$LOG" --format json
run "select-10000"     "${SELECT[@]}" select "$LOG" -n 10000 -o target/bench-selected.jsonl
printf '\nselect: 10,000 of %d lines, deduplication on, -Xmx512m\n' "$LINES"
versus analyze-log

# gzip: analyze a gzip of the log against zcat alone, the floor of any single-stream inflater
GZ=$DATA/log-$LINES.jsonl.gz
[ -s "$GZ" ] || { echo "compressing $GZ (gzip -1)..." >&2; gzip -1 -c "$LOG" > "$GZ.tmp" && mv "$GZ.tmp" "$GZ"; }
results=()
echo "timing gzip ($RUNS runs each, best of)..." >&2
run "zcat"             sh -c "zcat '$GZ' > /dev/null"
run "analyze-gzip"     "${MLOPS[@]}" analyze "$GZ" --format json
printf '\ngzip: %s, %.2f GB compressed\n' "$GZ" "$(awk "BEGIN{print $(stat -c %s "$GZ")/1e9}")"
versus zcat
echo "(vs_zcat: the time as a multiple of zcat > /dev/null on the same file)"

# peak memory at 1, 2 and 4 million lines (the first half, the log, the log twice): flat in the input
H=$DATA/log-half-$LINES.jsonl
D=$DATA/log-double-$LINES.jsonl
[ -s "$H" ] || head -n $((LINES / 2)) "$LOG" > "$H"
[ -s "$D" ] || cat "$LOG" "$LOG" > "$D"
results=()
echo "timing memory at three sizes ($RUNS runs each, best of)..." >&2
run "lines-$((LINES / 2))"  "${MLOPS[@]}" analyze "$H" --format json
run "lines-$LINES"          "${MLOPS[@]}" analyze "$LOG" --format json
run "lines-$((LINES * 2))"  "${MLOPS[@]}" analyze "$D" --format json
printf '\nmemory: analyze, 2 threads, -Xmx%s\n' "${HEAP:-256m}"
versus "lines-$LINES"

if [ "${1:-}" = "--jmh" ]; then
    java -cp "$CP" org.openjdk.jmh.Main ScannerBenchmark
fi
