#!/usr/bin/env bash
# upstream-e2e.sh: run the real upstream conformance tests (the e2e.test binary from a Kubernetes
# release's kubernetes-test-linux-amd64.tar.gz) against Vessel, and summarise the result in the
# same report format as ./vessel conformance. Not run in CI: there is no e2e.test binary there.
#
#   conformance/upstream-e2e.sh --e2e PATH/TO/e2e.test [--kubeconfig K] [--report-dir DIR]
#                               [--focus REGEX] [--skip REGEX] [-- EXTRA e2e.test FLAGS]
#
# Without --kubeconfig a fresh local Vessel is started (and stopped afterwards). The default focus
# is '\[Conformance\]'; the default skip list is DEFAULT_SKIP below. Results: DIR/junit_01.xml
# (Ginkgo's JUnit), DIR/e2e.log, and DIR/report/conformance-report.md with every upstream test's
# state. Exit code: e2e.test's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# What the default run leaves out, and why:
#   [Disruptive]            taints nodes, restarts components: never on a shared cluster
#   NoExecuteTaintManager   needs the taint-eviction controller and nodes it may disrupt
#   [Slow]                  minutes each (CronJob schedules, StatefulSet burst scaling); run them
#                           with --skip '\[Disruptive\]' when wanted
# Sonobuoy's certified-conformance mode skips the first two as well.
DEFAULT_SKIP='\[Disruptive\]|NoExecuteTaintManager|\[Slow\]'

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "upstream-e2e: $*" >&2; exit 2; }

e2e="" kubeconfig="" report_dir="" focus='\[Conformance\]' skip="$DEFAULT_SKIP" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --e2e) e2e="${2:?--e2e needs the path of an e2e.test binary}"; shift 2 ;;
    --kubeconfig) kubeconfig="${2:?--kubeconfig needs a value}"; shift 2 ;;
    --report-dir) report_dir="${2:?--report-dir needs a value}"; shift 2 ;;
    --focus) focus="${2:?--focus needs a regex}"; shift 2 ;;
    --skip) skip="${2?--skip needs a regex (may be empty)}"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown flag $1 (try --help)" ;;
  esac
done
[ -n "$e2e" ] || { usage >&2; die "--e2e is required"; }
[ -x "$e2e" ] || die "$e2e is not an executable e2e.test binary"
command -v java >/dev/null || die "java is needed to write the report"
report_dir="${report_dir:-$ROOT/conformance/target/upstream-e2e}"
mkdir -p "$report_dir"
report_dir="$(cd "$report_dir" && pwd)"

state_dir=""
cleanup() {
  if [ -n "$state_dir" ]; then
    "$ROOT/vessel" down --state-dir "$state_dir" >/dev/null 2>&1 || true
    rm -rf "$state_dir"
  fi
}
trap cleanup EXIT

if [ -z "$kubeconfig" ]; then
  state_dir="$(mktemp -d /tmp/vessel-upstream-e2e-XXXXXX)"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 16443)
  echo "upstream-e2e: starting a fresh Vessel on port $port (state dir $state_dir)" >&2
  "$ROOT/vessel" up --detach --state-dir "$state_dir" --port "$port" >&2
  kubeconfig="$state_dir/kubeconfig"
fi
kubeconfig="$(cd "$(dirname "$kubeconfig")" && pwd)/$(basename "$kubeconfig")"

# --provider=skeleton: no cloud provider. --kube-api-content-type=application/json: Vessel reads
# protobuf request bodies but answers in JSON only, so the test clients are told to speak JSON.
# --report-dir: Ginkgo writes junit_01.xml there.
echo "upstream-e2e: $e2e --ginkgo.focus='$focus' --ginkgo.skip='$skip' (log: $report_dir/e2e.log)" >&2
set +e
"$e2e" \
  --provider=skeleton \
  --kubeconfig="$kubeconfig" \
  --kube-api-content-type=application/json \
  --ginkgo.focus="$focus" \
  --ginkgo.skip="$skip" \
  --ginkgo.no-color \
  --ginkgo.timeout=24h \
  --report-dir="$report_dir" \
  "${extra[@]}" 2>&1 | tee "$report_dir/e2e.log"
status=${PIPESTATUS[0]}
set -e

classes="$ROOT/conformance/target/classes"
if [ ! -f "$classes/io/vessel/conformance/report/ConformanceReport.class" ]; then
  (cd "$ROOT" && mvn -B -q -o -DskipTests -pl conformance compile) >&2 \
    || (cd "$ROOT" && mvn -B -q -DskipTests -pl conformance compile) >&2
fi
java -cp "$classes" io.vessel.conformance.report.ConformanceReport "$report_dir" "$report_dir/report" || true
exit "$status"
