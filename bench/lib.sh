# Shared by the bench/*.sh scripts: source it after cd-ing to the project root.
#   build          packages the jar (bench profile) and writes the test classpath to $CP
#   best CMD...    runs CMD $RUNS times; prints "best_wall_s peak_KB_of_that_run"
#   MLOPS          the launcher's JVM flags (install.sh), with the heap capped at $HEAP (default 256m)
RUNS=${RUNS:-3}
DATA=bench/data
mkdir -p "$DATA"
MLOPS=(java -XX:+UseParallelGC "-Xmx${HEAP:-256m}" -Dpicocli.disable.closures=true -jar target/mlops.jar)

build() {
    echo "building..." >&2
    mvn -q -B -Dstyle.color=never -Pbench -DskipTests package >&2
    mvn -q -B -Dstyle.color=never -Pbench dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/bench.cp >&2
    CP="target/test-classes:target/classes:$(cat target/bench.cp)"
}

best() {
    local b="" k="" wall rss
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o target/bench.time "$@" > /dev/null 2> target/bench.err \
            || { echo "failed: $*" >&2; cat target/bench.err >&2; exit 1; }
        read -r wall rss < <(tail -1 target/bench.time)
        if [ -z "$b" ] || awk "BEGIN{exit !($wall < $b)}"; then b=$wall; k=$rss; fi
    done
    echo "$b $k"
}
