#!/usr/bin/env bash
# lab-up.sh DIR — start a throwaway mail lab in DIR (an empty temp dir, e.g. "$(mktemp -d)"):
#   Dovecot  : IMAP (STARTTLS) + IMAPS on 127.0.0.1, LMTP + SASL-auth unix sockets, maildirs in DIR
#   Postfix  : a private instance (own config/queue/data dirs in DIR): submission (STARTTLS required,
#              AUTH via Dovecot) and a plain "MX" port, both on 127.0.0.1; delivers via LMTP to Dovecot
# Ports: random free ones, or LAB_PORTS="IMAP IMAPS SUBMISSION SMTP" (four numbers).
# Writes DIR/lab.env (source it in tests). Running lab-up.sh again on a stopped lab restarts it
# with the same ports, CA and mail. Must run as root.
# LAB_OAUTH2=1 (option, off by default): also start the local OAuth 2 token endpoint
# (Tests/OAuthTokenServer/oauth_token_server.py, HTTPS with the lab CA) and let Dovecot (IMAP and,
# through Dovecot SASL, Postfix submission) accept XOAUTH2 tokens it issued, checked by
# introspection. LAB_OAUTH2_MECHS (default "xoauth2", Exchange-like) lists the OAuth mechanisms.
set -euo pipefail
umask 022
[ "$(id -u)" = 0 ] || { echo "lab-up.sh: run as root" >&2; exit 1; }
LAB=${1:-${LAB:-}}
[ -n "$LAB" ] && [ -d "$LAB" ] || { echo "usage: lab-up.sh DIR  (DIR: an existing empty dir)" >&2; exit 2; }
LAB=$(cd "$LAB" && pwd -P)

# zombies count as dead (a container's PID 1 may never reap them)
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }
listening() { [ -n "$(ss -Hltn "( sport = :$1 )")" ]; }
wait_listening() {   # pid port...
  local pid=$1 p i; shift
  for p in "$@"; do
    for i in $(seq 200); do
      listening "$p" && break
      alive "$pid" || return 1
      sleep 0.02
    done
    listening "$p" || return 1
  done
}
stop_pid() { local pid=$1 i; kill "$pid" 2>/dev/null || return 0
  for i in $(seq 250); do alive "$pid" || return 0; sleep 0.02; done; kill -9 "$pid" 2>/dev/null || true; }
for f in "$LAB/run/dovecot.pid" "$LAB/run/postfix.pid"; do
  [ -f "$f" ] && alive "$(cat "$f")" && { echo "lab-up: the lab in $LAB is already running" >&2; exit 1; }
done
DOMAIN=${LAB_DOMAIN:-icetex.gov.co}
PF=$LAB/postfix
USERS=${LAB_USERS:-"aseguramientoocm formacionocm ana jorge outbound"}   # outbound = capture box
MAIL_UID=65534 MAIL_GID=65534                       # nobody:nogroup; dovecot refuses uid 0
# Unix socket paths must stay < 108 bytes: keep DIR short (mktemp -d under /tmp is fine).
[ ${#LAB} -le 60 ] || { echo "lab-up.sh: '$LAB' is too long for unix socket paths" >&2; exit 2; }

chmod 755 "$LAB"      # dovecot (auth runs as 'dovecot', mail as nobody) and postfix must traverse it
mkdir -p "$LAB"/{tls,log,run,dovecot/run,dovecot/state,mail,postfix/etc}
chown "$MAIL_UID:$MAIL_GID" "$LAB/mail"
setpriv --reuid="$MAIL_UID" --regid="$MAIL_GID" --clear-groups test -x "$LAB/mail" ||
  { echo "lab-up.sh: a parent of $LAB is not traversable by other users (use a dir under /tmp)" >&2; exit 2; }

# Restart of an existing lab (after lab-down.sh): keep its CA, ports, address and mail.
if [ -f "$LAB/lab.env" ]; then
  LAB_PORTS=$(sed -n 's/^# ports: //p' "$LAB/lab.env"); LAB_IMAP_ADDR=$(sed -n 's/^# imap_addr: //p' "$LAB/lab.env")
  LAB_OAUTH_PORT=$(sed -n 's/^# oauth_port: //p' "$LAB/lab.env")
fi
# Dovecot treats a client whose IP equals the server's IP as "secured" and lets it log in
# without TLS even with ssl=required; LAB_IMAP_ADDR=127.0.0.2 (still loopback) makes the
# STARTTLS port refuse plaintext logins from clients on 127.0.0.1.
IMAP_ADDR=${LAB_IMAP_ADDR:-127.0.0.1}
LAB_PORTS=${LAB_PORTS:-}

# ---------- TLS: a throwaway CA and a server cert for localhost / 127.0.0.1 (EC P-256: fast) ----------
cat > "$LAB/tls/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = mail-lab throwaway CA
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:127.0.0.2
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
[ -f "$LAB/tls/server.pem" ] || (
  cd "$LAB/tls"
  openssl req -config openssl.cnf -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
    -days 30 -extensions ca_ext -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -config openssl.cnf -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
    -subj /CN=localhost -keyout server.key -out server.csr 2>/dev/null
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 8)" \
    -days 30 -extfile openssl.cnf -extensions server_ext -out server.pem 2>/dev/null
  chmod 600 ca.key server.key
)

# ---------- OAuth 2 (LAB_OAUTH2=1): the app's client secret and certificate (RSA, as Entra ID wants) ----------
OAUTH2=${LAB_OAUTH2:-0}
if [ -f "$LAB/lab.env" ] && grep -q '^# oauth2: 1' "$LAB/lab.env"; then OAUTH2=1; fi
OAUTH_CLIENT=ocm-lab-client
if [ "$OAUTH2" = 1 ] && [ ! -f "$LAB/oauth/clients.json" ]; then
  mkdir -p "$LAB/oauth"
  openssl req -x509 -new -nodes -newkey rsa:2048 -subj /CN=ocm-intake-lab-app -days 30 \
    -keyout "$LAB/oauth/app-key.pem" -out "$LAB/oauth/app-cert.pem" 2>/dev/null
  openssl rand -hex 20 > "$LAB/oauth/client-secret"
  chmod 600 "$LAB/oauth/app-key.pem" "$LAB/oauth/client-secret"
  printf '{"%s": {"secret": "%s", "certificate": "%s"}}\n' "$OAUTH_CLIENT" "$(cat "$LAB/oauth/client-secret")" \
    "$LAB/oauth/app-cert.pem" > "$LAB/oauth/clients.json"
  chmod 600 "$LAB/oauth/clients.json"
fi

# ---------- users: passwd-file, password of USER is "pw-USER" ----------
: > "$LAB/dovecot/users"
: > "$LAB/postfix/etc/vmailbox"
for u in $USERS; do
  echo "$u@$DOMAIN:{PLAIN}pw-$u:$MAIL_UID:$MAIL_GID::$LAB/mail/$DOMAIN/$u::" >> "$LAB/dovecot/users"
  echo "$u@$DOMAIN OK" >> "$LAB/postfix/etc/vmailbox"
done
# An Exchange-like mailbox (issue 10): Spanish SPECIAL-USE folders instead of Drafts/Sent ("Elementos
# enviados" is created by the tests: passwd-file fields cannot hold a space) and a 64 KiB message limit.
X_FIELDS="userdb_namespace/inbox/mailbox/Drafts/auto=no userdb_namespace/inbox/mailbox/Sent/auto=no"
X_FIELDS="$X_FIELDS userdb_namespace/inbox/mailbox/Borradores/auto=subscribe userdb_mail_plugins=quota"
X_FIELDS="$X_FIELDS userdb_quota=count:User userdb_quota_rule=*:storage=1G userdb_quota_max_mail_size=64k userdb_quota_vsizes=yes"
echo "exchangeocm@$DOMAIN:{PLAIN}pw-exchangeocm:$MAIL_UID:$MAIL_GID::$LAB/mail/$DOMAIN/exchangeocm::$X_FIELDS" >> "$LAB/dovecot/users"
echo "exchangeocm@$DOMAIN OK" >> "$LAB/postfix/etc/vmailbox"
chmod 644 "$LAB/dovecot/users"

# ---------- ports ----------
port_free() { [ -z "$(ss -Htan "( sport = :$1 )")" ]; }
PORT_RANGE=${LAB_PORT_RANGE:-20000-31999}; PORT_LO=${PORT_RANGE%-*}; PORT_HI=${PORT_RANGE#*-}
pick_ports() {
  local v p used=" " fixed
  read -r -a fixed <<<"$LAB_PORTS"
  for v in IMAP IMAPS SUBMISSION SMTP; do
    p=${fixed[0]:-}; fixed=("${fixed[@]:1}")
    if [ -z "$p" ]; then
      while :; do        # default 20000-31999: below the kernel's ephemeral range (32768+)
        p=$((PORT_LO + RANDOM % (PORT_HI - PORT_LO + 1)))
        case $used in *" $p "*) continue;; esac
        port_free "$p" && break
      done
    fi
    used="$used$p "
    printf -v "${v}_PORT" %s "$p"
  done
  OAUTH_PORT=${LAB_OAUTH_PORT:-}
  if [ "$OAUTH2" = 1 ] && [ -z "$OAUTH_PORT" ]; then
    while :; do
      OAUTH_PORT=$((PORT_LO + RANDOM % (PORT_HI - PORT_LO + 1)))
      case $used in *" $OAUTH_PORT "*) continue;; esac
      port_free "$OAUTH_PORT" && break
    done
  fi
}

write_configs() {
cat > "$LAB/dovecot/dovecot.conf" <<EOF
instance_name = maillab-${LAB##*/}
base_dir = $LAB/dovecot/run
state_dir = $LAB/dovecot/state
log_path = $LAB/log/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = required
ssl_cert = <$LAB/tls/server.pem
ssl_key = <$LAB/tls/server.key
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
auth_default_realm = $DOMAIN
auth_username_format = %Lu
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN $LAB/dovecot/users
}
userdb {
  driver = passwd-file
  args = $LAB/dovecot/users
}
mail_location = maildir:~/Maildir
mail_fsync = never
mail_max_userip_connections = 200
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    auto = subscribe
    special_use = \Drafts
  }
  mailbox Sent {
    auto = subscribe
    special_use = \Sent
  }
  # only the exchangeocm user has these (userdb fields above)
  mailbox Borradores {
    special_use = \Drafts
  }
  mailbox "Elementos enviados" {
    special_use = \Sent
  }
}
service imap-login {
  inet_listener imap {
    address = $IMAP_ADDR
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
protocol lmtp {
  postmaster_address = postmaster@$DOMAIN
}
EOF
[ "$OAUTH2" = 1 ] && write_oauth2_dovecot_config

cat > "$PF/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $PF/spool
data_directory = $PF/data
maillog_file = $LAB/log/postfix.log
maillog_file_prefixes = $LAB
myhostname = mail.$DOMAIN
myorigin = $DOMAIN
mydestination =
mynetworks = 127.0.0.1/32
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
relayhost =
alias_maps =
alias_database =
local_transport = error:5.1.1 no local delivery in the mail lab
default_transport = error:5.7.1 the mail lab delivers only to $DOMAIN
relay_transport = \$default_transport
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = texthash:$PF/etc/vmailbox
virtual_transport = lmtp:unix:$LAB/dovecot/run/lmtp
# mail for any other domain (only accepted from authenticated senders) lands in outbound@$DOMAIN
virtual_alias_domains =
virtual_alias_maps = regexp:$PF/etc/capture_external
smtpd_tls_chain_files = $LAB/tls/server.key, $LAB/tls/server.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = $LAB/dovecot/run/auth-postfix
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_peername_lookup = no
smtpd_error_sleep_time = 0
message_size_limit = 52428800
biff = no
append_dot_mydomain = no
readme_directory = no
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 10s
EOF
cat > "$PF/etc/capture_external" <<EOF
if !/@$(printf %s "$DOMAIN" | sed 's/\./\\./g')\$/
/^[^@]+@.+\$/	outbound@$DOMAIN
endif
EOF
cat > "$PF/etc/master.cf" <<EOF
# service              type  private unpriv chroot wakeup maxproc command
127.0.0.1:$SMTP_PORT   inet  n       -      n      -      -       smtpd
127.0.0.1:$SUBMISSION_PORT inet n    -      n      -      -       smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup     unix  n  -  n  60     1  pickup
cleanup    unix  n  -  n  -      0  cleanup
qmgr       unix  n  -  n  300    1  qmgr
tlsmgr     unix  -  -  n  1000?  1  tlsmgr
rewrite    unix  -  -  n  -      -  trivial-rewrite
bounce     unix  -  -  n  -      0  bounce
defer      unix  -  -  n  -      0  bounce
trace      unix  -  -  n  -      0  bounce
verify     unix  -  -  n  -      1  verify
flush      unix  n  -  n  1000?  0  flush
proxymap   unix  -  -  n  -      -  proxymap
proxywrite unix  -  -  n  -      1  proxymap
smtp       unix  -  -  n  -      -  smtp
relay      unix  -  -  n  -      -  smtp
showq      unix  n  -  n  -      -  showq
error      unix  -  -  n  -      -  error
retry      unix  -  -  n  -      -  error
discard    unix  -  -  n  -      -  discard
lmtp       unix  -  -  n  -      -  lmtp
anvil      unix  -  -  n  -      1  anvil
scache     unix  -  -  n  -      1  scache
postlog    unix-dgram n - n  -      1  postlogd
EOF
chmod 644 "$PF"/etc/* "$LAB/dovecot/dovecot.conf"
# Postfix re-reads a config file in 300 ms naps until its mtime is >1 s old ("let it cool off"):
# back-date the files or every 'postfix'/'postconf' call on a fresh main.cf costs ~1.5 s.
touch -d '-10 seconds' "$PF"/etc/*
}


# OAuth: an oauth2 passdb (before the password one, which keeps PLAIN/LOGIN only: otherwise a
# password sent as a bearer token would log in) validating tokens by introspection against the
# local token endpoint. App-only tokens name no mailbox: the endpoint answers the domain and the
# passdb compares it with the login's domain (%Ld). Auth penalties off: rejected tokens are
# tested on purpose and would otherwise delay every later login from 127.0.0.1 by up to 15 s.
write_oauth2_dovecot_config() {
  local mechs=${LAB_OAUTH2_MECHS:-xoauth2} conf=$LAB/dovecot/dovecot.conf
  sed -i "s/^auth_mechanisms = plain login\$/auth_mechanisms = plain login $mechs/" "$conf"
  sed -i "0,/^  driver = passwd-file\$/ s|^  driver = passwd-file\$|&\n  mechanisms = plain login|" "$conf"
  # LAB_OAUTH2_DENY (default "jorge"): mailboxes the app has no right on (Exchange: no
  # Add-MailboxPermission): a valid token is refused for them.
  : > "$LAB/dovecot/oauth-denied"
  for u in ${LAB_OAUTH2_DENY-jorge}; do echo "$u@$DOMAIN:::::::" >> "$LAB/dovecot/oauth-denied"; done
  chmod 644 "$LAB/dovecot/oauth-denied"
  sed -i "0,/^passdb {\$/ s|^passdb {\$|passdb {\n  driver = passwd-file\n  deny = yes\n  mechanisms = $mechs\n  args = $LAB/dovecot/oauth-denied\n}\npassdb {\n  driver = oauth2\n  mechanisms = $mechs\n  args = $LAB/dovecot/oauth2.conf.ext\n}\n&|" "$conf"
  cat >> "$conf" <<EOF
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
EOF
  cat > "$LAB/dovecot/oauth2.conf.ext" <<EOF
introspection_mode = auth
introspection_url = https://127.0.0.1:$OAUTH_PORT/introspect
tls_ca_cert_file = $LAB/tls/ca.pem
username_attribute = username
username_format = %Ld
active_attribute = active
active_value = true
EOF
  chmod 644 "$LAB/dovecot/oauth2.conf.ext"
}

start_oauth_server() {
  local here; here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
  python3 "$here/../../Tests/OAuthTokenServer/oauth_token_server.py" --port "$OAUTH_PORT" --cert "$LAB/tls/server.pem" \
    --key "$LAB/tls/server.key" --clients "$LAB/oauth/clients.json" --domain "$DOMAIN" >>"$LAB/log/oauth.out" 2>&1 &
  OAUTH_PID=$!; echo "$OAUTH_PID" > "$LAB/run/oauth.pid"
  wait_listening "$OAUTH_PID" "$OAUTH_PORT"
}

# ---------- postfix queue + data dirs, made from postfix's own postfix-files list ----------
# ('postfix start' would make them too, but its post-install/check pass costs 1-2 s; the
#  quick-start marker makes postfix-script skip that pass. LAB_POSTFIX_CHECK=1 runs it anyway.)
grep -E '^\$(queue|data)_directory[^:]*:d:' "$(postconf -dh meta_directory)/postfix-files" |
while IFS=: read -r path _ owner group mode _; do
  path=${path/\$queue_directory/$PF/spool}; path=${path/\$data_directory/$PF/data}
  owner=${owner/\$mail_owner/postfix}; group=${group/\$setgid_group/postdrop}; [ "$group" = - ] && group=root
  install -d -o "$owner" -g "$group" -m "$mode" "$path"
done

# ---------- start (retry with fresh ports if a port was taken meanwhile) ----------
started=0 DOVECOT_PID= POSTFIX_PID= OAUTH_PID=
# if this script dies half-way, take down what it started
trap '[ "$started" = 1 ] || { [ -n "$OAUTH_PID" ] && stop_pid "$OAUTH_PID"; [ -n "$POSTFIX_PID" ] && stop_pid "$POSTFIX_PID"; [ -n "$DOVECOT_PID" ] && stop_pid "$DOVECOT_PID"; rm -f "$LAB"/run/*.pid; }' EXIT
for attempt in 1 2 3 4 5; do
  pick_ports
  write_configs
  if [ "$OAUTH2" = 1 ] && ! start_oauth_server; then
    stop_pid "$OAUTH_PID"; OAUTH_PID=; echo "lab-up: token endpoint failed (attempt $attempt), see $LAB/log/oauth.out" >&2
    [ -z "$LAB_PORTS" ] || break; continue
  fi
  dovecot -c "$LAB/dovecot/dovecot.conf" -F >>"$LAB/log/dovecot.out" 2>&1 &
  DOVECOT_PID=$!; echo "$DOVECOT_PID" > "$LAB/run/dovecot.pid"
  if ! wait_listening "$DOVECOT_PID" "$IMAP_PORT" "$IMAPS_PORT"; then
    stop_pid "$DOVECOT_PID"; DOVECOT_PID=; echo "lab-up: dovecot failed (attempt $attempt), see $LAB/log/dovecot.log" >&2
    [ -n "$OAUTH_PID" ] && stop_pid "$OAUTH_PID"; OAUTH_PID=
    [ -z "$LAB_PORTS" ] || break; continue
  fi
  for i in $(seq 200); do [ -S "$LAB/dovecot/run/auth-postfix" ] && [ -S "$LAB/dovecot/run/lmtp" ] && break; sleep 0.02; done
  # postfix start = postfix-script: 'master -t' (lock check), then 'master -w' (returns once up)
  rm -f "$PF/spool/pid/master.pid"; POSTFIX_PID=
  if [ "${LAB_POSTFIX_CHECK:-0}" = 1 ]; then postfix -c "$PF/etc" check; else touch "$PF/spool/quick-start"; fi
  if postfix -c "$PF/etc" start >>"$LAB/log/postfix.out" 2>&1; then
    POSTFIX_PID=$(sed -n '1s/ //gp' "$PF/spool/pid/master.pid"); echo "$POSTFIX_PID" > "$LAB/run/postfix.pid"
    # Postfix >= 3.6 binds with SO_REUSEPORT, so a port already held by another Postfix
    # (e.g. a parallel lab) does NOT fail: both would share it. Insist on being alone.
    if wait_listening "$POSTFIX_PID" "$SUBMISSION_PORT" "$SMTP_PORT" &&
       [ "$(ss -Hltn "( sport = :$SUBMISSION_PORT or sport = :$SMTP_PORT )" | wc -l)" = 2 ]; then
      started=1; break
    fi
  fi
  echo "lab-up: postfix failed (attempt $attempt), see $LAB/log/postfix.log and postfix.out" >&2
  [ -n "$POSTFIX_PID" ] && stop_pid "$POSTFIX_PID"; POSTFIX_PID=
  stop_pid "$DOVECOT_PID"; DOVECOT_PID=
  [ -n "$OAUTH_PID" ] && stop_pid "$OAUTH_PID"; OAUTH_PID=
  [ -z "$LAB_PORTS" ] || break
done
[ "$started" = 1 ] || { echo "lab-up: giving up" >&2; exit 1; }

cat > "$LAB/lab.env" <<EOF
export LAB='$LAB'
export LAB_DOMAIN='$DOMAIN'
export LAB_CA='$LAB/tls/ca.pem'
export LAB_IMAP_PORT=$IMAP_PORT LAB_IMAPS_PORT=$IMAPS_PORT LAB_SUBMISSION_PORT=$SUBMISSION_PORT LAB_SMTP_PORT=$SMTP_PORT
export LAB_IMAP_URL='imap://$IMAP_ADDR:$IMAP_PORT' LAB_IMAPS_URL='imaps://127.0.0.1:$IMAPS_PORT'
export LAB_SUBMISSION_URL='smtp://127.0.0.1:$SUBMISSION_PORT' LAB_SMTP_URL='smtp://127.0.0.1:$SMTP_PORT'
export LAB_DOVECOT_CONF='$LAB/dovecot/dovecot.conf' LAB_POSTFIX_CONF='$PF/etc'
# ports: $IMAP_PORT $IMAPS_PORT $SUBMISSION_PORT $SMTP_PORT
# imap_addr: $IMAP_ADDR
EOF
if [ "$OAUTH2" = 1 ]; then cat >> "$LAB/lab.env" <<EOF
export LAB_OAUTH_URL='https://127.0.0.1:$OAUTH_PORT' LAB_OAUTH_TOKEN_URL='https://127.0.0.1:$OAUTH_PORT/lab-tenant/oauth2/v2.0/token'
export LAB_OAUTH_CLIENT_ID='$OAUTH_CLIENT' LAB_OAUTH_SECRET_FILE='$LAB/oauth/client-secret'
export LAB_OAUTH_CERT='$LAB/oauth/app-cert.pem' LAB_OAUTH_KEY='$LAB/oauth/app-key.pem'
# oauth2: 1
# oauth_port: $OAUTH_PORT
EOF
fi
echo "mail lab up in $LAB: imap $IMAP_PORT imaps $IMAPS_PORT submission $SUBMISSION_PORT smtp $SMTP_PORT (dovecot $DOVECOT_PID, postfix master $POSTFIX_PID)"
