#!/usr/bin/env bash
# mime-vs-fmp.sh [RUNS=10] [BIN...] — `ocm-intake mime --json` against fast-mail-parser (the Rust
# mail-parser crate from Python) on the generated corpus of ~860 real-looking mails (~120 MB),
# both as whole processes printing one JSON line per mail. hyperfine runs them alternately in one
# session; prints each wall-clock median and mean CPU time (user + system: steadier on a shared
# machine), the throughput in MB/s and the ratio to fast-mail-parser (x1.00 = as fast, above is faster). Several BINs (e.g. a saved "before" binary and the current release build)
# are measured in the same run. Python's `email` (scripts/pyemail_summary.py) once, for scale,
# with PYEMAIL=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}; shift || true
bins=("$@"); [ ${#bins[@]} -gt 0 ] || bins=(.build/release/ocm-intake)
for b in "${bins[@]}"; do [ -x "$b" ] || { echo "no binary $b (swift build -c release --product ocm-intake)" >&2; exit 2; }; done
work=${BENCH_DIR:-/tmp/ocm-bench}
venv=$work/venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install -q fast-mail-parser; }
[ -d "$work/mime" ] || python3 scripts/bench/make_corpus.py mime "$work/mime" 860 >/dev/null
files=("$work"/mime/*.eml)
bytes=$(cat "${files[@]}" | wc -c)
echo "corpus: ${#files[@]} mails, $(( bytes / 1000000 )) MB in $work/mime"
cmds=(-n fast-mail-parser "$venv/bin/python scripts/bench/fmp_summary.py ${files[*]}")
for b in "${bins[@]}"; do cmds+=(-n "$b" "$b mime --json ${files[*]}"); done
hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/mime-vs-fmp.json" "${cmds[@]}" >/dev/null
python3 - "$work/mime-vs-fmp.json" "$bytes" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
anchor = results[0]["median"]
cpu = lambda r: r["user"] + r["system"]
for r in results:
    name = r['command'] if len(r['command']) < 40 else '...' + r['command'][-37:]
    print(f"{name:<40} wall median {r['median']:.3f} s ({size / r['median'] / 1e6:6.1f} MB/s, x{anchor / r['median']:.2f} fmp)  "
          f"cpu {cpu(r):.3f} s ({size / cpu(r) / 1e6:6.1f} MB/s, x{cpu(results[0]) / cpu(r):.2f} fmp)")
PY
if [ "${PYEMAIL:-0}" = 1 ]; then
    /usr/bin/time -f "python email: %e s" python3 scripts/pyemail_summary.py "${files[@]}" >/dev/null
fi
