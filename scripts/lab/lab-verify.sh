#!/usr/bin/env bash
# lab-verify.sh DIR — end-to-end check of a running lab with the curl command line only.
set -euo pipefail
. "${1:?usage: lab-verify.sh DIR}/lab.env"
D=$LAB_DOMAIN
ok()   { echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }
now()  { echo "${EPOCHREALTIME/./}"; }          # microseconds (bash >= 5)
ms()   { echo $(( ($2 - $1) / 1000 )); }
imap() { local user=$1; shift; curl -sS --cacert "$LAB_CA" -u "$user@$D:pw-$user" "$@"; }  # imaps:// URLs

# --- 1. SMTP submission: STARTTLS + AUTH PLAIN as ana, two recipients ---
MID_N=$(date +%s%N); MID="<lab-$MID_N@$D>"
printf '%s\r\n' "From: Ana <ana@$D>" "To: aseguramientoocm@$D, formacionocm@$D" \
  "Subject: lab check" "Message-ID: $MID" "Date: $(date -R)" "" "hola desde el lab" > "$LAB/verify-msg.eml"
t0=$(now)
curl -sS --ssl-reqd --cacert "$LAB_CA" "$LAB_SUBMISSION_URL/lab-client" \
  --user "ana@$D:pw-ana" --login-options AUTH=PLAIN \
  --mail-from "ana@$D" --mail-rcpt "aseguramientoocm@$D" --mail-rcpt "formacionocm@$D" \
  --upload-file "$LAB/verify-msg.eml" || fail "smtp send"
ok "smtp STARTTLS+AUTH PLAIN send accepted in $(ms "$t0" "$(now)") ms"

# --- 2. both INBOXes over IMAPS: poll UID SEARCH HEADER Message-ID until delivered ---
for u in aseguramientoocm formacionocm; do
  for i in $(seq 100); do
    uids=$(imap "$u" "$LAB_IMAPS_URL/INBOX" -X "UID SEARCH HEADER Message-ID \"$MID\"" | tr -d '\r')
    [ "$uids" != "* SEARCH" ] && [ -n "$uids" ] && break; sleep 0.05
  done
  uid=${uids##* }; [ "$uid" -gt 0 ] 2>/dev/null || fail "$u: message not delivered ($uids)"
  ok "$u: delivered as UID $uid, visible $(ms "$t0" "$(now)") ms after the SMTP send started"
  body=$(imap "$u" "$LAB_IMAPS_URL/INBOX/;UID=$uid" | tr -d '\r')
  grep -q '^hola desde el lab$' <<<"$body" || fail "$u: body mismatch"
  grep -q "^Return-Path: <ana@$D>" <<<"$body" && grep -q "with ESMTPSA" <<<"$body" \
    || fail "$u: delivery headers missing"
  ok "$u: fetched UID $uid: body, Return-Path and 'with ESMTPSA' (TLS+AUTH) as expected"
done

# --- 3. mailboxes auto-created; APPEND a draft; UID SEARCH in Drafts ---
list=$(imap aseguramientoocm "$LAB_IMAPS_URL/" | tr -d '\r')
grep -q '(\\HasNoChildren \\Drafts) "/" Drafts$' <<<"$list" && grep -q '\\Sent) "/" Sent$' <<<"$list" \
  || fail "LIST: $list"
ok "LIST shows INBOX, Drafts (\\Drafts), Sent (\\Sent)"
printf '%s\r\n' "From: aseguramientoocm@$D" "To: jorge@$D" "Subject: borrador" \
  "Message-ID: <draft-$MID_N@$D>" "" "texto del borrador" > "$LAB/verify-draft.eml"
hdr=$(imap aseguramientoocm "$LAB_IMAPS_URL/Drafts" -T "$LAB/verify-draft.eml" -D - -o /dev/null | tr -d '\r')
appenduid=$(grep -o 'APPENDUID [0-9]* [0-9]*' <<<"$hdr") || fail "APPEND"
ok "APPEND to Drafts: $appenduid"
s=$(imap aseguramientoocm "$LAB_IMAPS_URL/Drafts" -X "UID SEARCH HEADER Message-ID draft-$MID_N" | tr -d '\r')
[ "$s" = "* SEARCH ${appenduid##* }" ] || fail "UID SEARCH in Drafts gave '$s'"
ok "UID SEARCH in Drafts: $s"
imap aseguramientoocm "$LAB_IMAPS_URL/" -X 'STATUS Drafts (MESSAGES UIDNEXT UIDVALIDITY)' | tr -d '\r'

# --- 4. negative checks ---
# IMAP on the plain port: LOGIN refused before STARTTLS; works with --ssl-reqd
if curl -sS -u "ana@$D:pw-ana" "$LAB_IMAP_URL/" -o /dev/null 2>/dev/null; then
  case $LAB_IMAP_URL in imap://127.0.0.1:*) ok "imap:// without STARTTLS: accepted (loopback = 'secured' in Dovecot)";;
                        *) fail "plaintext IMAP login accepted";; esac
else ok "imap:// without STARTTLS: login refused"; fi
curl -sS --ssl-reqd --cacert "$LAB_CA" -u "ana@$D:pw-ana" "$LAB_IMAP_URL/INBOX" -X 'UID SEARCH ALL' -o /dev/null \
  && ok "imap:// with STARTTLS (--ssl-reqd): works"
# bare login names get the default realm
curl -sS --cacert "$LAB_CA" -u "jorge:pw-jorge" "$LAB_IMAPS_URL/INBOX" -X 'UID SEARCH ALL' -o /dev/null \
  && ok "login 'jorge' (no domain) works"
# submission without STARTTLS: no AUTH offered -> curl error
curl -sS "$LAB_SUBMISSION_URL/lab-client" --user "ana@$D:pw-ana" --mail-from "ana@$D" --mail-rcpt "jorge@$D" \
  -T "$LAB/verify-msg.eml" 2>&1 | sed 's/^/     /' || true
# wrong password
curl -sS --ssl-reqd --cacert "$LAB_CA" "$LAB_SUBMISSION_URL/lab-client" --user "ana@$D:wrong" --mail-from "ana@$D" \
  --mail-rcpt "jorge@$D" -T "$LAB/verify-msg.eml" 2>&1 | sed 's/^/     /' || true
# unknown local recipient is refused at RCPT time
curl -sS --ssl-reqd --cacert "$LAB_CA" "$LAB_SUBMISSION_URL/lab-client" --user "ana@$D:pw-ana" --mail-from "ana@$D" \
  --mail-rcpt "nadie@$D" -T "$LAB/verify-msg.eml" 2>&1 | sed 's/^/     /' || true
# the plain "MX" port: no AUTH, accepts mail for the lab domain only
curl -sS "$LAB_SMTP_URL/lab-client" --mail-from "ciudadano@example.org" --mail-rcpt "formacionocm@$D" \
  -T "$LAB/verify-msg.eml" && ok "MX port: external sender -> formacionocm accepted"
curl -sS "$LAB_SMTP_URL/lab-client" --mail-from "x@example.org" --mail-rcpt "y@example.org" \
  -T "$LAB/verify-msg.eml" 2>&1 | sed 's/^/     /' || true
# authenticated mail to another domain is captured in outbound@
curl -sS --ssl-reqd --cacert "$LAB_CA" "$LAB_SUBMISSION_URL/lab-client" --user "jorge@$D:pw-jorge" --mail-from "jorge@$D" \
  --mail-rcpt "ciudadano@example.org" -T "$LAB/verify-msg.eml" && ok "external recipient accepted"
for i in $(seq 100); do
  s=$(imap outbound "$LAB_IMAPS_URL/INBOX" -X 'UID SEARCH ALL' | tr -d '\r'); [ "$s" != "* SEARCH" ] && break; sleep 0.05
done
[ "$s" != "* SEARCH" ] && ok "outbound@ captured it: $s"
echo "ALL OK"
