#!/usr/bin/env bash
# inspect-vs-mime.sh [RUNS=5] [BIN...] — what judging a request costs next to parsing it: `ocm-intake
# inspect` against `ocm-intake mime` of the same request, for a request whose plain-text body is a
# 4.8 MB forwarded thread and one of 300 KB (make_corpus.py text). hyperfine medians in one run;
# prints inspect / mime per file and binary, on wall-clock medians and on mean CPU time (user +
# system, steadier on a shared machine); the target is at most 5x.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}; shift || true
bins=("$@"); [ ${#bins[@]} -gt 0 ] || bins=(.build/release/ocm-intake)
work=${BENCH_DIR:-/tmp/ocm-bench}
[ -f "$work/text/text-4800k.eml" ] || python3 scripts/bench/make_corpus.py text "$work/text" >/dev/null
for file in "$work/text/text-4800k.eml" "$work/text/text-300k.eml"; do
    cmds=()
    for b in "${bins[@]}"; do
        cmds+=(-n "$b mime" "$b mime --json $file" -n "$b inspect" "$b inspect --json --now 2026-04-14T10:00:00-05:00 --config-dir config $file")
    done
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/inspect.json" "${cmds[@]}" >/dev/null
    python3 - "$work/inspect.json" "$file" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"{os.path.basename(sys.argv[2])} ({os.path.getsize(sys.argv[2]) / 1e6:.2f} MB)")
for i in range(0, len(r), 2):
    mime, inspect = r[i]["median"], r[i + 1]["median"]
    cm, ci = r[i]["user"] + r[i]["system"], r[i + 1]["user"] + r[i + 1]["system"]
    print(f"  {r[i]['command'][:-5]:<36} wall: mime {mime:.3f} s, inspect {inspect:.3f} s, inspect/mime {inspect / mime:.1f}x;"
          f" cpu: mime {cm:.3f} s, inspect {ci:.3f} s, inspect/mime {ci / cm:.1f}x")
PY
done
