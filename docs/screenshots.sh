#!/usr/bin/env bash
# Regenerates the README's screenshots of the analyze and drift reports (docs/report-*.png) in a
# real headless Chromium; every report's screenshot also lands in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=HtmlInChromiumTest -Dscreenshots.docs="$PWD/docs"
ls -l docs/report-*.png
