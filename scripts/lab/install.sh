#!/usr/bin/env bash
# install.sh — install what the mail lab (lab-up.sh) needs on Debian 12, only when missing, and
# make sure no *system* Dovecot or Postfix serves the standard mail ports (the lab runs its own
# private instances on 127.0.0.1 high ports). Idempotent; needs root. See
# /work/shared/notes/mail-lab.md §1 for why each step is here.
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root" >&2; exit 1; }

packages=(dovecot-imapd dovecot-lmtpd postfix openssl curl iproute2 procps)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install.sh: apt-get install ${missing[*]}"
  apt-get update -qq
  # "No configuration": no /etc/postfix/main.cf, so the system Postfix cannot start.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  # Note: postfix replaces opensmtpd (both provide mail-transport-agent); the lab does not need it.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The package scripts may have started the system services (no policy-rc.d on a real machine).
if [ -d /run/systemd/system ]; then
  for svc in dovecot postfix; do
    if systemctl is-enabled --quiet "$svc" 2>/dev/null || systemctl is-active --quiet "$svc" 2>/dev/null; then
      echo "install.sh: systemctl disable --now $svc (the lab runs its own instance)"
      systemctl disable --now "$svc" >/dev/null 2>&1 || true
    fi
  done
fi
# Without systemd: stop the system masters by the PIDs they recorded themselves.
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }
for pidfile in /run/dovecot/master.pid /var/spool/postfix/pid/master.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(tr -d ' \n' < "$pidfile")
  [ -n "$pid" ] && alive "$pid" || continue
  echo "install.sh: stopping the system mail server $pid ($pidfile)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 150); do alive "$pid" || break; sleep 0.02; done
  alive "$pid" && kill -9 "$pid" 2>/dev/null || true
done

busy=$(ss -Hltn '( sport = :25 or sport = :110 or sport = :143 or sport = :465 or sport = :587 or sport = :993 or sport = :995 )')
if [ -n "$busy" ]; then
  echo "install.sh: standard mail ports are still in use (stop that server first):" >&2
  echo "$busy" >&2
  exit 1
fi
echo "install.sh: mail lab prerequisites present; no system mail server on standard ports"
