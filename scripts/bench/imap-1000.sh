#!/usr/bin/env bash
# imap-1000.sh [COUNT=1000] [BIN] — 1,000 new requests end to end over IMAP, next to the wire.
# In a private mail lab (scripts/lab/lab-up.sh, on tmpfs): COUNT distinct request mails
# (make_corpus.py requests: one sender each, base64 attachments, ~120 KB each) in the INBOX of
# aseguramientoocm; then
#   - `ocm-intake once --backfill-since` with batch_size COUNT, drafts review (one run: the
#     run changes the ledger and Drafts);
#   - curl fetching the same COUNT mails on one connection (median of 3);
#   - curl fetching them and APPENDing COUNT drafts of the size ocm-intake writes (median of 3).
# Prints the times and once / (curl fetch + append). Needs root (the lab) and a release build.
# ONCE=0 measures curl only (the once run takes minutes on a loaded machine). PERF=FILE records
# the once run with `perf record -g` into FILE (`perf report -i FILE --no-children` to read it);
# PERF_CALLGRAPH=dwarf unwinds through the Swift runtime too (frame pointers alone lose ~70 % of
# the stacks there; use a smaller COUNT: a dwarf record is large).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
bin=${2:-.build/release/ocm-intake}
[ -x "$bin" ] || { echo "no binary $bin" >&2; exit 2; }
work=${BENCH_DIR:-/tmp/ocm-bench}
[ -d "$work/requests" ] && [ "$(ls "$work/requests" | wc -l)" = "$count" ] \
    || { rm -rf "$work/requests"; python3 scripts/bench/make_corpus.py requests "$work/requests" "$count" >/dev/null; }
lab=$(mktemp -d -p /dev/shm); run=$(mktemp -d -p /dev/shm)
cleanup() { scripts/lab/lab-down.sh "$lab" >/dev/null 2>&1 || true; rm -rf "$lab" "$run"; }
trap cleanup EXIT
scripts/lab/lab-up.sh "$lab" >/dev/null
. "$lab/lab.env"
user=aseguramientoocm@$LAB_DOMAIN
da=(doveadm -c "$LAB_DOVECOT_CONF")
"${da[@]}" mailbox status -u "$user" messages INBOX >/dev/null
"${da[@]}" mailbox create -u "$user" Drafts 2>/dev/null || true
"${da[@]}" mailbox create -u "$user" CurlDrafts
dir=$("${da[@]}" mailbox path -u "$user" INBOX)
i=0
for f in "$work"/requests/*.eml; do
    i=$((i + 1))
    cp "$f" "$dir/cur/$(date +%s).M$(printf %06d "$i")P$$.bench,S=$(stat -c %s "$f"),Q$(printf %07d "$i"):2,"
done
chown -R "$(stat -c %u:%g "$dir")" "$dir/cur"
"${da[@]}" mailbox status -u "$user" messages INBOX
bytes=$(cat "$work"/requests/*.eml | wc -c)
echo "INBOX: $count request mails, $(( bytes / 1000000 )) MB"

printf 'pw-aseguramientoocm' > "$run/secret"; chmod 600 "$run/secret"
cat > "$run/ocm-intake.yaml" <<YAML
mailboxes:
  - role: aseguramiento
    address: $user
    url: $LAB_IMAPS_URL/INBOX
    login: $user
    secret_file: secret
    ca_file: $LAB_CA
review: drafts
ledger: ledger.sqlite
templates: $PWD/Templates
rules: $PWD/config
batch_size: $count
max_replies_per_sender_per_day: 10000
YAML
start=$(date +%s%N)
profile=(); [ -z "${PERF:-}" ] || profile=(perf record -q --call-graph "${PERF_CALLGRAPH:-fp}" -o "$PERF" --)
[ "${ONCE:-1}" = 0 ] || OCM_INTAKE_LOG_LEVEL=error /usr/bin/time -f "once cpu: %U s user, %S s system, peak RSS %M KiB" -o "$run/once.time" \
    "${profile[@]}" "$bin" once --init --config "$run/ocm-intake.yaml" --backfill-since 2026-01-01 >/dev/null
once=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$run/once.time" 2>/dev/null || true
drafts=$("${da[@]}" mailbox status -u "$user" messages Drafts | grep -o '[0-9]*$')
echo "once: ${once} ms, $drafts drafts appended"

# A draft like the ones ocm-intake writes (the first it appended, or a 4 KB stand-in).
draft=$run/draft.eml
if [ "$drafts" -gt 0 ]; then "${da[@]}" fetch -u "$user" text mailbox Drafts uid 1 | sed '1d' > "$draft"; fi
[ -s "$draft" ] || head -c 3000 "$work/requests/$(ls "$work/requests" | head -1)" > "$draft"
auth=(--cacert "$LAB_CA" -u "$user:pw-aseguramientoocm" -s)
{
    echo "url = \"$LAB_IMAPS_URL/INBOX;UID=[1-$count]\""; echo "output = /dev/null"
    for _ in $(seq "$count"); do
        echo next; echo "url = \"$LAB_IMAPS_URL/CurlDrafts\""; echo "upload-file = \"$draft\""
        echo "cacert = \"$LAB_CA\""; echo "user = \"$user:pw-aseguramientoocm\""; echo silent
    done
} > "$run/append.curlrc"
hyperfine -N --runs 3 --export-json "$run/curl.json" \
    -n "curl fetch" "curl ${auth[*]} -o /dev/null $LAB_IMAPS_URL/INBOX;UID=[1-$count]" \
    -n "curl fetch + append" "curl ${auth[*]} -K $run/append.curlrc" >/dev/null
python3 - "$run/curl.json" "$once" "$count" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
once = int(sys.argv[2]) / 1000
print(f"curl fetch: {r['curl fetch']:.2f} s, curl fetch + append: {r['curl fetch + append']:.2f} s (medians of 3)")
print(f"once: {once:.2f} s ({int(sys.argv[3]) / once:.0f} mails/s), once / (curl fetch + append) = {once / r['curl fetch + append']:.1f}x")
PY
