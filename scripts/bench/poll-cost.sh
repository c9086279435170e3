#!/usr/bin/env bash
# poll-cost.sh [COUNT] — the figure of issue 3/7: `ocm-intake once` with no new mail on an IMAP
# mailbox of 10 messages and on one of COUNT (default 100000), each in its own private lab on
# tmpfs. Prints the IMAP commands per poll (from the redacted protocol trace) and the median
# wall time of 15 runs. Needs root (the lab) and a release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
big=${1:-100000}
bin=.build/release/ocm-intake
[ -x "$bin" ] || swift build -c release --product ocm-intake >/dev/null
labs=()
cleanup() { for l in "${labs[@]}"; do scripts/lab/lab-down.sh "$l" >/dev/null 2>&1 || true; rm -rf "$l"; done; }
trap cleanup EXIT

for count in 10 "$big"; do
    lab=$(mktemp -d -p /dev/shm); labs+=("$lab")
    scripts/lab/lab-up.sh "$lab" >/dev/null
    . "$lab/lab.env"
    scripts/lab/lab-fill.sh "$lab" aseguramientoocm INBOX "$count" >/dev/null
    work=$(mktemp -d -p /dev/shm); labs+=("$work")
    printf 'pw-aseguramientoocm' > "$work/secret"; chmod 600 "$work/secret"
    cat > "$work/ocm-intake.yaml" <<YAML
mailboxes:
  - role: aseguramiento
    address: aseguramientoocm@icetex.gov.co
    url: $LAB_IMAPS_URL/INBOX
    login: aseguramientoocm@icetex.gov.co
    secret_file: secret
    ca_file: $LAB_CA
ledger: ledger.sqlite
templates: $PWD/Templates
rules: $PWD/config
YAML
    OCM_INTAKE_LOG_LEVEL=error "$bin" once --init --config "$work/ocm-intake.yaml" >/dev/null   # baseline
    commands=$(OCM_INTAKE_LOG_LEVEL=trace "$bin" once --config "$work/ocm-intake.yaml" 2>&1 >/dev/null | grep -cE "\] > [A-Za-z0-9]+ " || true)
    times=()
    for _ in $(seq 15); do
        start=$(date +%s%N)
        OCM_INTAKE_LOG_LEVEL=error "$bin" once --config "$work/ocm-intake.yaml" >/dev/null
        times+=($(( ($(date +%s%N) - start) / 1000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 8p)
    printf 'poll with no new mail, %6d messages: %s IMAP commands, median %.1f ms per `once` (15 runs, process start included)\n' \
        "$count" "$commands" "$(bc -l <<<"$median/1000")"
done
