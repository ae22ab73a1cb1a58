#!/bin/sh
# Times the production GWT compiles as `mvn package` runs them (forced): the app (compile-client) and the debug
# console (compile-console, a separate Maven run, so its figure includes Maven's start-up), and, as the baseline in the same run, `mvn process-classes` (Maven start-up plus an up-to-date javac: the part of
# the build that is not GWT). Writes target/benchmarks/gwt-compile[-cold].json.
# Usage: src/bench/gwt-compile-time.sh [--cold]   (--cold first empties GWT's persistent unit cache, as a fresh
# checkout or `mvn clean` would; without it the cache of the previous compile is reused, as in day-to-day builds)
set -eu
cd "$(dirname "$0")/../.."
mkdir -p target/benchmarks
name=gwt-compile
if [ "${1:-}" = "--cold" ]; then rm -rf target/gwt-unitCache; name=gwt-compile-cold; fi
now() { date +%s.%N; }
t0=$(now); mvn -B -o -q process-classes >target/benchmarks/gwt-compile.log 2>&1; t1=$(now)
mvn -B -o -q gwt:compile@compile-client >>target/benchmarks/gwt-compile.log 2>&1; t2=$(now)
mvn -B -o -q gwt:compile@compile-console >>target/benchmarks/gwt-compile.log 2>&1; t3=$(now)
base=$(echo "$t1 - $t0" | bc); gwt=$(echo "$t2 - $t1" | bc); console=$(echo "$t3 - $t2" | bc)
total=$(echo "$t3 - $t1" | bc)
ratio=$(echo "scale=2; $gwt / $base" | bc)
load=$(cut -d' ' -f1 /proc/loadavg)
cat >target/benchmarks/$name.json <<JSON
{
  "benchmark": "$name",
  "when": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "nproc": $(nproc),
  "load_average_1min_after": $load,
  "gwt_compile_s": $gwt,
  "gwt_compile_console_s": $console,
  "gwt_compile_total_s": $total,
  "baseline_process_classes_s": $base,
  "ratio.gwt_vs_process_classes": $ratio
}
JSON
cat target/benchmarks/$name.json
