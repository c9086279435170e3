#!/usr/bin/env bash
# memory.sh [BIN...] — peak RSS next to the largest message: a request carrying a 40 MiB scanned PDF
# (a 57 MB message, make_corpus.py pdf). Measures, with /usr/bin/time -v:
#   - `inspect` of the file;
#   - `once` on Maildir: the same mail in both OCM mailboxes (as areas send it), backfilled;
#   - an idle `once` (empty mailboxes), the floor.
# Prints peak RSS in MiB and as a multiple of the message size (the target is at most 2x).
set -euo pipefail
cd "$(dirname "$0")/../.."
bins=("$@"); [ ${#bins[@]} -gt 0 ] || bins=(.build/release/ocm-intake)
work=${BENCH_DIR:-/tmp/ocm-bench}
[ -f "$work/pdf/pdf-40m.eml" ] || python3 scripts/bench/make_corpus.py pdf "$work/pdf" >/dev/null
mail=$work/pdf/pdf-40m.eml
size=$(stat -c %s "$mail")
peak() {  # command... -> peak RSS in KiB
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
report() { printf '  %-22s peak RSS %6.1f MiB  %.2fx the message\n' "$1" "$(echo "$2 / 1024" | bc -l)" "$(echo "$2 * 1024 / $size" | bc -l)"; }
maildir_once() {  # bin fill(0|1) -> peak KiB
    local dir; dir=$(mktemp -d -p "$work")
    mkdir -p "$dir/config"
    for box in aseguramientoocm formacionocm; do
        mkdir -p "$dir/mail/$box/cur" "$dir/mail/$box/new" "$dir/mail/$box/tmp"
        [ "$2" = 1 ] && cp "$mail" "$dir/mail/$box/new/pdf-40m.$box"
    done
    cat > "$dir/config/ocm-intake.yaml" <<YAML
mailboxes:
  - role: aseguramiento
    address: aseguramientoocm@icetex.gov.co
    url: maildir:$dir/mail/aseguramientoocm
  - role: formacion
    address: formacionocm@icetex.gov.co
    url: maildir:$dir/mail/formacionocm
review: drafts
ledger: $dir/ledger.sqlite
templates: $PWD/Templates
rules: $PWD/config
time_zone: America/Bogota
hostname: ocm-intake.icetex.gov.co
max_message_bytes: 104857600
YAML
    OCM_INTAKE_LOG_LEVEL=error peak "$1" once --config "$dir/config/ocm-intake.yaml" --backfill-since 2026-01-01
    rm -rf "$dir"
}
echo "message: $mail, $size bytes ($(echo "$size / 1048576" | bc -l | cut -c1-5) MiB)"
for b in "${bins[@]}"; do
    echo "$b"
    report "inspect" "$(peak "$b" inspect --config-dir config "$mail")"
    report "once (Maildir)" "$(maildir_once "$b" 1)"
    report "once idle (Maildir)" "$(maildir_once "$b" 0)"
done
