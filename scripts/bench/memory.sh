#!/usr/bin/env bash
# memory.sh [BIN...] — peak RSS next to the largest message: a request carrying a 40 MiB scanned PDF
# (a 57 MB message, make_corpus.py pdf). Measures, with /usr/bin/time -v:
#   - `inspect` of the file;
#   - `once` on Maildir: the same mail in both OCM mailboxes (as areas send it), backfilled;
#   - `once` over IMAP: the same, in a private mail lab's Dovecot (root only; scripts/lab/lab-up.sh);
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
    OCM_INTAKE_LOG_LEVEL=error peak "$1" once --init --config "$dir/config/ocm-intake.yaml" --backfill-since 2026-01-01
    rm -rf "$dir"
}
imap_once() {  # bin -> peak KiB: the mail in both mailboxes' INBOX of a private Dovecot
    local lab dir da box folder
    lab=$(mktemp -d -p /dev/shm); dir=$(mktemp -d -p "$work")
    scripts/lab/lab-up.sh "$lab" >/dev/null
    . "$lab/lab.env"
    da=(doveadm -c "$LAB_DOVECOT_CONF")
    cat > "$dir/ocm-intake.yaml" <<YAML
mailboxes:
YAML
    for box in aseguramientoocm formacionocm; do
        "${da[@]}" mailbox status -u "$box@$LAB_DOMAIN" messages INBOX >/dev/null
        "${da[@]}" mailbox create -u "$box@$LAB_DOMAIN" Drafts 2>/dev/null || true
        folder=$("${da[@]}" mailbox path -u "$box@$LAB_DOMAIN" INBOX)
        cp "$mail" "$folder/cur/$(date +%s).M1P$$.bench,S=$size:2,"
        chown -R "$(stat -c %u:%g "$folder")" "$folder/cur"
        printf 'pw-%s' "$box" > "$dir/$box.secret"; chmod 600 "$dir/$box.secret"
        cat >> "$dir/ocm-intake.yaml" <<YAML
  - role: $([ $box = aseguramientoocm ] && echo aseguramiento || echo formacion)
    address: $box@$LAB_DOMAIN
    url: $LAB_IMAPS_URL/INBOX
    login: $box@$LAB_DOMAIN
    secret_file: $box.secret
    ca_file: $LAB_CA
YAML
    done
    cat >> "$dir/ocm-intake.yaml" <<YAML
review: drafts
ledger: ledger.sqlite
templates: $PWD/Templates
rules: $PWD/config
max_message_bytes: 104857600
YAML
    OCM_INTAKE_LOG_LEVEL=error peak "$1" once --init --config "$dir/ocm-intake.yaml" --backfill-since 2026-01-01
    scripts/lab/lab-down.sh "$lab" >/dev/null 2>&1 || true
    rm -rf "$lab" "$dir"
}
echo "message: $mail, $size bytes ($(echo "$size / 1048576" | bc -l | cut -c1-5) MiB)"
for b in "${bins[@]}"; do
    echo "$b"
    report "inspect" "$(peak "$b" inspect --config-dir config "$mail")"
    report "once (Maildir)" "$(maildir_once "$b" 1)"
    report "once idle (Maildir)" "$(maildir_once "$b" 0)"
    [ "$(id -u)" != 0 ] || report "once (IMAP)" "$(imap_once "$b")"
done
