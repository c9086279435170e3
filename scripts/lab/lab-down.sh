#!/usr/bin/env bash
# lab-down.sh DIR — stop exactly the servers lab-up.sh started in DIR, by their recorded PIDs.
set -uo pipefail
LAB=${1:-${LAB:-}}; [ -n "$LAB" ] && [ -d "$LAB" ] || { echo "usage: lab-down.sh DIR" >&2; exit 2; }
rc=0
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st#Z}" = "$st" ]; }  # zombies count as gone
for svc in postfix dovecot oauth; do   # oauth: LAB_OAUTH2's token endpoint
  f=$LAB/run/$svc.pid; [ -f "$f" ] || continue
  pid=$(cat "$f")
  # children of both masters: postfix's are in the master's process group (it is a session
  # leader); dovecot's are its direct children. Remember them to check they are gone.
  kids=$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -s ' \n' ' ')
  kill "$pid" 2>/dev/null
  for _ in $(seq 250); do
    alive "$pid" || break
    # Dovecot's master sleeps 1 s after signalling its children, keeping only its log
    # process; once that is all that is left (unless LAB_GRACEFUL_STOP=1) finish it off.
    if [ "$svc" = dovecot ] && [ "${LAB_GRACEFUL_STOP:-0}" != 1 ] &&
       [ -z "$(ps -o stat=,args= --ppid "$pid" 2>/dev/null | grep -v '^Z' | grep -v '/log$')" ]; then
      kill -9 "$pid" 2>/dev/null; rm -f "$LAB/dovecot/run/master.pid"
    fi
    sleep 0.02
  done
  if alive "$pid"; then echo "lab-down: $svc $pid ignored SIGTERM, killing" >&2; kill -9 "$pid"; rc=1; fi
  for k in $kids; do
    for _ in $(seq 100); do alive "$k" || break; sleep 0.02; done
    if alive "$k"; then echo "lab-down: $svc child $k still alive, killing" >&2; kill -9 "$k"; rc=1; fi
  done
  rm -f "$f"
done
exit $rc
