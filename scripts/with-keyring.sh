#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that keytar talks to a
# real Secret Service (CI and headless development machines have no desktop session to provide one).
# Usage: scripts/with-keyring.sh <command> [args...]
set -euo pipefail
if [ "${KIZUNA_IN_KEYRING_SESSION:-}" != "1" ]; then
  exec dbus-run-session -- env KIZUNA_IN_KEYRING_SESSION=1 "$0" "$@"
fi
# A throwaway keyring: the password only unlocks this session's login collection.
keyring_home="$(mktemp -d)"
export XDG_DATA_HOME="$keyring_home"
eval "$(printf 'kizuna-ci\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
trap 'rm -rf "$keyring_home"' EXIT
"$@"
