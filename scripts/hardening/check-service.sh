#!/usr/bin/env bash
# scripts/hardening/check-service.sh BINARY — evidence for config/ocm-intake.service (as root;
# needs the mail lab of scripts/lab, strace and gcc). Runs `ocm-intake once` and `run` (SIGTERM
# after 4 s) against a private lab, under strace and under the seccomp filter systemd installs for
# MemoryDenyWriteExecute=yes (mdwe.c), and reports: system calls outside @system-service or inside
# the denied @privileged/@resources, socket families, /proc and /sys files opened, W^X denials.
# AS_USER=nobody runs the daemon unprivileged, as DynamicUser=yes does.
set -euo pipefail
BIN=$(readlink -f "${1:?usage: check-service.sh BINARY}"); ROOT=$(cd "$(dirname "$0")/../.." && pwd)
H=$(mktemp -d /tmp/ocmhc.XXXXXX); gcc -O2 -o "$H/mdwe" "$ROOT/scripts/hardening/mdwe.c"
LAB=$(mktemp -d /tmp/ocmh.XXXXXX); W=$(mktemp -d /tmp/ocmhw.XXXXXX)
trap '$ROOT/scripts/lab/lab-down.sh $LAB >/dev/null; rm -rf $LAB $W $H' EXIT
$ROOT/scripts/lab/lab-up.sh "$LAB" >/dev/null; . "$LAB/lab.env"
printf 'pw-aseguramientoocm\n' > $W/aseguramiento.secret; printf 'pw-formacionocm\n' > $W/formacion.secret
printf 'pw-aseguramientoocm\n' > $W/smtp.secret; chmod 600 $W/*.secret
cat > $W/ocm-intake.yaml <<Y
mailboxes:
  - {role: aseguramiento, address: aseguramientoocm@icetex.gov.co, url: "$LAB_IMAPS_URL/INBOX", login: aseguramientoocm@icetex.gov.co, secret_file: aseguramiento.secret, ca_file: "$LAB_CA"}
  - {role: formacion, address: formacionocm@icetex.gov.co, url: "$LAB_IMAPS_URL/INBOX", login: formacionocm@icetex.gov.co, secret_file: formacion.secret, ca_file: "$LAB_CA"}
smtp: {url: "$LAB_SUBMISSION_URL/x", login: aseguramientoocm@icetex.gov.co, secret_file: smtp.secret, ca_file: "$LAB_CA"}
review: ${REVIEW:-off}
poll_interval: 5
ledger: ledger.sqlite
templates: $ROOT/Templates
rules: $ROOT/config
Y
export CREDENTIALS_DIRECTORY=$W OCM_INTAKE_LOG_LEVEL=info
# AS_USER=nobody: run the daemon as an unprivileged user, as under DynamicUser=yes
AS=(); if [ -n "${AS_USER:-}" ]; then chown -R "$AS_USER" $W; chmod 711 $W; AS=(setpriv --reuid="$AS_USER" --regid="$(id -g "$AS_USER")" --clear-groups); fi
"${AS[@]}" "$BIN" once --init --config $W/ocm-intake.yaml >/dev/null 2>&1   # baseline
send() { sed -e "s/^From: .*/From: Ana <ana@icetex.gov.co>/" -e "s/^Message-ID: .*/Message-ID: <h-$RANDOM$RANDOM@icetex.gov.co>/" \
           -e "s/^Date: .*/Date: $(date -R)/" $ROOT/Samples/sample01-credito-completa.eml > $W/m.eml
  curl -sS --url "$LAB_SUBMISSION_URL/x" --ssl-reqd --cacert $LAB_CA --user ana@icetex.gov.co:pw-ana --mail-from ana@icetex.gov.co \
    --mail-rcpt aseguramientoocm@icetex.gov.co --mail-rcpt formacionocm@icetex.gov.co --upload-file $W/m.eml; sleep 0.5; }
send
strace -f -qq -o $W/once.trace "${AS[@]}" $H/mdwe "$BIN" once --config $W/ocm-intake.yaml > $W/once.out 2>&1 || { echo "once FAILED"; cat $W/once.out; }
echo "--- once:"; cat $W/once.out | grep -v '^20' 
send
strace -f -qq -o $W/run.trace "${AS[@]}" $H/mdwe "$BIN" run --config $W/ocm-intake.yaml > $W/run.out 2>&1 & SP=$!
sleep 4; kill -TERM $(pgrep -x ocm-intake | while read p; do grep -q "$W" /proc/$p/cmdline && echo $p; done); wait $SP; echo "run exit: $?"
echo "--- run (log):"; cut -c1-160 $W/run.out
cat $W/once.trace $W/run.trace > $W/all.trace
expand() {  # a syscall group, recursively, one syscall a line
  systemd-analyze syscall-filter "$1" | tail -n +2 | grep -v '#' | tr -d ' ' | grep -v '^$' |
  while read -r x; do case $x in @*) expand "$x";; *) echo "$x";; esac; done; }
allowed=$(expand @system-service | sort -u)
denied=$( { expand @privileged; expand @resources; } | sort -u)
used=$(grep -oE '^[0-9]+ +[a-z_0-9]+\(' $W/all.trace | sed -E 's/^[0-9]+ +//; s/\($//' | sort -u)
echo "--- syscalls used: $(echo $used | wc -w)"
echo "--- used but not in @system-service:"; comm -23 <(echo "$used") <(echo "$allowed") | tr '\n' ' '; echo
echo "--- used and in ~@privileged/@resources:"; comm -12 <(echo "$used") <(echo "$denied") | tr '\n' ' '; echo
[ -z "${AS_USER:-}" ] || echo "    (with AS_USER, capset/setgroups/setresuid and /proc/*/status, cap_last_cap are setpriv's, before the exec)"
echo "--- socket families:"; grep -oE 'socket\(AF_[A-Z0-9]+' $W/all.trace | sort | uniq -c
echo "--- /proc /sys opened:"; grep -oE 'open(at)?\([^"]*"/(proc|sys)/[^"]*"' $W/all.trace | grep -oE '"/[^"]*"' | sed -E 's#/[0-9]+/#/PID/#' | sort | uniq -c
echo "--- W^X denied (EPERM on mmap/mprotect):"; grep -E '(mmap|mprotect)\(.*EPERM' $W/all.trace | head -5 || true
echo "--- EPERM/EACCES anywhere:"; grep -E '= -1 (EPERM|EACCES)' $W/all.trace | sed -E 's/^[0-9]+ +//' | cut -c1-120 | sort | uniq -c || true
echo "--- ana's INBOX (review off replies):"; curl -sS --cacert $LAB_CA --user ana:pw-ana "$LAB_IMAPS_URL/INBOX" -X 'UID SEARCH ALL'
