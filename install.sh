#!/bin/sh
# Builds mlops and installs it under $PREFIX (default ~/.local):
#   $PREFIX/bin/mlops                                   launcher
#   $PREFIX/share/mlops/mlops.jar                       the runnable jar
#   $PREFIX/share/mlops/mlops.jsa                       its class-data archive (AppCDS): a faster start
#   $PREFIX/share/bash-completion/completions/mlops     bash completion
#   $PREFIX/share/man/man1/mlops*.1                     man pages (when man is installed)
# Needs Java 17+ and Maven. Works as root or as a normal user; never uses sudo.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-"$HOME/.local"}

command -v java >/dev/null 2>&1 || { echo "install.sh: java (17 or newer) is not on PATH" >&2; exit 1; }
command -v mvn >/dev/null 2>&1 || { echo "install.sh: mvn (Apache Maven) is not on PATH" >&2; exit 1; }

echo "Building mlops..." >&2
(cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package)

mkdir -p "$PREFIX/bin" "$PREFIX/share/mlops" "$PREFIX/share/bash-completion/completions"
cp "$here/target/mlops.jar" "$PREFIX/share/mlops/mlops.jar.tmp"
mv -f "$PREFIX/share/mlops/mlops.jar.tmp" "$PREFIX/share/mlops/mlops.jar"

cat > "$PREFIX/bin/mlops.tmp" <<'LAUNCHER'
#!/bin/sh
# mlops launcher: finds its jar relative to its own real location.
self=$(readlink -f "$0" 2>/dev/null || echo "$0")
jar="$(dirname "$self")/../share/mlops/mlops.jar"
# ParallelGC: mlops is a batch tool, and its cheaper write barriers measurably speed up reading.
# The class-data archive install.sh wrote, when this JVM can use it (a stale one is ignored,
# silently); no perf-data file: both only make starting faster.
cds=""
[ -r "$(dirname "$jar")/mlops.jsa" ] && cds="-XX:SharedArchiveFile=$(dirname "$jar")/mlops.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
exec java -XX:+UseParallelGC -XX:-UsePerfData $cds ${MLOPS_JAVA_OPTS:-} -Dpicocli.disable.closures=true -jar "$jar" "$@"
LAUNCHER
chmod 755 "$PREFIX/bin/mlops.tmp"
mv -f "$PREFIX/bin/mlops.tmp" "$PREFIX/bin/mlops"

# the class-data archive: the classes one analyze of the example log loads, dumped at its exit
# (AppCDS); it belongs to this jar and this JVM, and the launcher ignores it for any other
rm -f "$PREFIX/share/mlops/mlops.jsa"
if java -XX:ArchiveClassesAtExit="$PREFIX/share/mlops/mlops.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
        -XX:+UseParallelGC -Dpicocli.disable.closures=true -jar "$PREFIX/share/mlops/mlops.jar" \
        analyze "$here/examples/logs.jsonl" --registry "$here/examples/registry.yaml" > /dev/null 2>&1; then
    echo "Wrote the class-data archive $PREFIX/share/mlops/mlops.jsa" >&2
else
    rm -f "$PREFIX/share/mlops/mlops.jsa"
    echo "Note: no class-data archive (this JVM cannot write one); mlops starts a little slower" >&2
fi

cp "$here/completions/mlops.bash" "$PREFIX/share/bash-completion/completions/mlops"

if command -v man >/dev/null 2>&1; then
    mkdir -p "$PREFIX/share/man/man1"
    cp "$here"/man/*.1 "$PREFIX/share/man/man1/"
    echo "Installed the man pages in $PREFIX/share/man/man1" >&2
fi

echo "Installed $PREFIX/bin/mlops" >&2
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "Note: $PREFIX/bin is not on your PATH. Run it as $PREFIX/bin/mlops, or add:" >&2
       echo "  export PATH=\"$PREFIX/bin:\$PATH\"" >&2 ;;
esac
