#!/usr/bin/env bash
# lab-fill.sh DIR USER MAILBOX COUNT [maildir|import]
# Add COUNT small messages ("bulk N", N = 1..COUNT) to MAILBOX of USER (local part or address).
#   maildir (default): write the files straight into the mailbox's maildir cur/ (as the mail uid),
#                      then let Dovecot index them (doveadm mailbox status). ~4 s per 100k.
#   import:            generate one mbox file and 'doveadm import' it. ~40 s per 100k.
# UIDs are assigned in N order (Dovecot sorts new maildir files by their time-based names).
set -euo pipefail
LAB=${1:?usage: lab-fill.sh DIR USER MAILBOX COUNT [maildir|import]}; USER=${2:?}; MBOX=${3:?}; N=${4:?}
METHOD=${5:-maildir}
. "$LAB/lab.env"
case $USER in *@*) ;; *) USER=$USER@$LAB_DOMAIN;; esac
DA=(doveadm -c "$LAB_DOVECOT_CONF")
[ "$MBOX" = INBOX ] || "${DA[@]}" mailbox create -u "$USER" "$MBOX" 2>/dev/null || true
"${DA[@]}" mailbox status -u "$USER" messages "$MBOX" >/dev/null     # creates INBOX/maildir if new

gen() {  # awk program emitting message i; shared by both methods
  cat <<'EOF'
function msg(i) {
  return sprintf("From: Bulk Sender <bulk@example.org>\r\nTo: " to "\r\nSubject: bulk %d\r\nMessage-ID: <bulk-%d-%s@example.org>\r\nDate: Sat, 03 Jan 2026 01:05:34 +0000\r\n\r\nbody of message %d\r\n", i, i, tag, i)
}
EOF
}
TAG=$(date +%s%N)
case $METHOD in
maildir)
  DIR=$("${DA[@]}" mailbox path -u "$USER" "$MBOX")
  OWNER=$(stat -c %u:%g "$DIR")
  # name: <secs>.M<usecs>P<pid>.maillab,S=<size>,Q<n, 7 digits>:2,   (":2," + no flags = unseen)
  # secs/usecs give the UID order. The counter must be the LAST thing before ':': Dovecot
  # hashes names with the ELF shift-add hash, in which only the last ~7 characters stay
  # unfolded; with the counter further left 100k names collide and the first indexing takes
  # 1.5-28 s instead of 0.2 s.
  awk -v n="$N" -v dir="$DIR/cur" -v base="$(date +%s)" -v to="$USER" -v tag="$TAG" -v pid=$$ "$(gen)"'
    BEGIN { for (i = 1; i <= n; i++) { m = msg(i)
      f = sprintf("%s/%d.M%06dP%d.maillab,S=%d,Q%07d:2,", dir, base + int(i / 1000000), i % 1000000, pid, length(m), i)
      printf "%s", m > f; close(f) } }'
  chown -R "$OWNER" "$DIR/cur"
  ;;
import)
  SRC=$(mktemp -d "$LAB/import.XXXXXX"); chmod 755 "$SRC"; mkdir -p "$(dirname "$SRC/$MBOX")"
  # mbox: "From " separator line, LF line ends, blank line after each message
  awk -v n="$N" -v to="$USER" -v tag="$TAG" "$(gen)"'
    BEGIN { for (i = 1; i <= n; i++) { m = msg(i); gsub(/\r/, "", m)
      printf "From bulk@example.org Sat Jan  3 01:05:34 2026\n%s\n", m } }' > "$SRC/$MBOX"
  chmod 644 "$SRC/$MBOX"
  "${DA[@]}" import -u "$USER" "mbox:$SRC:INBOX=$SRC/INBOX:INDEX=MEMORY" "" mailbox "$MBOX" all
  rm -rf "$SRC"
  ;;
*) echo "unknown method $METHOD" >&2; exit 2;;
esac
"${DA[@]}" mailbox status -u "$USER" 'messages uidnext uidvalidity' "$MBOX"
