#!/usr/bin/env bash
# Runs a command against a real, throwaway Secret Service: a private D-Bus session with GNOME Keyring
# started and unlocked, HOME pointing into a temp dir that is deleted afterwards. Tests of the
# keychain code use the real thing this way without touching the developer's own keyring or home.
#
#   bash scripts/with-keyring.sh npx vitest run
#
# The command keeps the caller's PATH, cwd and arguments; its exit code is this script's exit code.
# It sees WAN_STUDIO_TEST_KEYRING=1, which tells the tests the keyring is disposable.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi

# Each tool and the Debian package that ships it.
missing_packages=()
command -v dbus-run-session >/dev/null 2>&1 || missing_packages+=(dbus-daemon)
command -v dbus-send >/dev/null 2>&1 || missing_packages+=(dbus-bin)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing_packages+=(gnome-keyring)
if [ "${#missing_packages[@]}" -gt 0 ]; then
  echo "with-keyring.sh: missing ${missing_packages[*]}." >&2
  echo "Install with: sudo apt-get install -y ${missing_packages[*]}" >&2
  echo "(the keychain tests also use secret-tool from libsecret-tools)" >&2
  exit 127
fi

sandbox="$(mktemp -d "${TMPDIR:-/tmp}/wan-studio-keyring.XXXXXX")"
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

# dbus-daemon (and anything it activates, like gcr-prompter) writes harmless noise to stderr
# ("Failed to set fd limit", "Activating service ..."). Send it to a log that is shown only when
# the keyring fails to start, so the command's own stderr stays readable.
cat >"$sandbox/dbus-daemon" <<EOF
#!/bin/sh
exec dbus-daemon "\$@" 2>>"$sandbox/dbus.log"
EOF
chmod +x "$sandbox/dbus-daemon"

# The session runs entirely inside the sandbox: if D-Bus ever auto-activates another keyring daemon,
# that one also writes under the throwaway HOME, never the real one.
export HOME="$sandbox/home"
export XDG_DATA_HOME="$sandbox/home/.local/share"
export XDG_CONFIG_HOME="$sandbox/home/.config"
export XDG_CACHE_HOME="$sandbox/home/.cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export WAN_STUDIO_TEST_KEYRING=1
export WAN_STUDIO_KEYRING_LOG="$sandbox/dbus.log"

status=0
dbus-run-session --dbus-daemon="$sandbox/dbus-daemon" -- bash -c '
  # --foreground keeps the daemon as our child, so we know its pid and can stop it: a daemonized
  # gnome-keyring sometimes outlives a short session.
  printf "%s" wan-studio-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >/dev/null 2>>"$WAN_STUDIO_KEYRING_LOG" &
  keyring_pid=$!
  trap "kill $keyring_pid 2>/dev/null; wait $keyring_pid 2>/dev/null" EXIT

  for _ in $(seq 1 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
      ready=1
      break
    fi
    sleep 0.05
  done
  if [ -z "${ready:-}" ]; then
    echo "with-keyring.sh: gnome-keyring-daemon did not start within 5 s. Its log:" >&2
    cat "$WAN_STUDIO_KEYRING_LOG" >&2
    exit 1
  fi
  unset WAN_STUDIO_KEYRING_LOG
  "$@"
' with-keyring "$@" || status=$?
exit "$status"
