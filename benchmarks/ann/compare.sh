#!/usr/bin/env bash
# FAISS HNSW and recsys's JVector index on the same files, one thread each, one after the other in
# one run; prints each sweep and the p99 ratio at the first setting of each reaching the target
# recall@10 (issue 18's bar: ours no higher than FAISS's).
#
#   benchmarks/ann/compare.sh DIR            DIR holds base.fvecs, query.fvecs, truth.ivecs
#   RECSYS_JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java benchmarks/ann/compare.sh DIR
# Ours runs through bin/recsys, on the JDK and options it picks (the newest JDK, with the Vector
# API where it has one); RECSYS_JAVA and JAVA_OPTS override them as for any bin/recsys command.
#
# Clustered synthetic files: java -cp benchmarks/target/benchmarks.jar \
#   dev.recsys.candidates.bench.AnnBenchmarkMain --generate DIR --n 100000 --dims 64 --queries 1000
# Needs Debian's python3-faiss; bin/recsys builds the jar if it is missing.
set -euo pipefail

dir="${1:?usage: compare.sh DIR (with base.fvecs, query.fvecs, truth.ivecs)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${TARGET_RECALL:-0.95}"
widths="${WIDTHS:-10,15,20,25,30,40,60}"

echo "== FAISS (/usr/bin/python3, $(/usr/bin/python3 -c 'import faiss; print(faiss.__version__)'))"
faiss_out="$(/usr/bin/python3 "$root/benchmarks/ann/faiss_hnsw.py" "$dir" ${FAISS_ARGS:-})"
echo "$faiss_out"

echo "== recsys (bin/recsys bench ann)"
ours_out="$(JAVA_OPTS="${JAVA_OPTS:--Xmx4g}" "$root/bin/recsys" bench ann --base "$dir/base.fvecs" \
  --query "$dir/query.fvecs" --truth "$dir/truth.ivecs" --widths "$widths" 2>&1)"
echo "$ours_out"

# The first line at or above the target: "<setting> <recall> <p99>".
first() {
  awk -v target="$target" '
    /recall@/ {
      for (i = 1; i <= NF; i++) {
        split($i, kv, "=")
        if (kv[1] ~ /^recall@/) recall = kv[2]
        if (kv[1] == "p99_us") p99 = kv[2]
        if (kv[1] == "width" || kv[1] == "ef") setting = $i
      }
      if (recall + 0 >= target + 0) { print setting, recall, p99; exit }
    }'
}
read -r faiss_setting faiss_recall faiss_p99 <<<"$(echo "$faiss_out" | first)" || true
read -r our_setting our_recall our_p99 <<<"$(echo "$ours_out" | first)" || true
if [[ -z "${faiss_p99:-}" || -z "${our_p99:-}" ]]; then
  echo "== one side never reached recall@10 >= $target: widen the sweep (WIDTHS, FAISS_ARGS=--ef ...)"
  exit 2
fi
echo "== at recall@10 >= $target: FAISS $faiss_setting ($faiss_recall) p99 $faiss_p99 us;" \
  "recsys $our_setting ($our_recall) p99 $our_p99 us;" \
  "ratio $(awk -v a="$our_p99" -v b="$faiss_p99" 'BEGIN { printf "%.2f", a / b }')x"
