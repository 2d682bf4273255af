#!/usr/bin/env bash
# Benchmark: mlops compare on VOTES votes among MODELS models (default 2,000,000 and 100), with
# 1,000 bootstrap fits, at -Xmx2g.
#   bench/compare.sh            VOTES=... MODELS=... RUNS=... to change
set -euo pipefail
cd "$(dirname "$0")/.."
VOTES=${VOTES:-2000000}
MODELS=${MODELS:-100}
HEAP=${HEAP:-2g}
. bench/lib.sh
build
F=$DATA/votes-$VOTES-$MODELS.jsonl
if [ ! -s "$F" ]; then
    java -cp "$CP" dev.mlops.bench.GenerateVotes "$F.tmp" "$VOTES" "$MODELS" && mv "$F.tmp" "$F"
fi
cat "$F" > /dev/null
read -r w k < <(best "${MLOPS[@]}" compare "$F" --bootstrap 1000 --format json)
echo "$(java -version 2>&1 | head -1), $(nproc) cores, $(date -u +%F)"
printf "compare: %s votes, %s models, 1,000 bootstrap fits, -Xmx%s: %.2f s, peak %d MB\n" "$VOTES" "$MODELS" "$HEAP" \
    "$w" $((k / 1024))
