#!/usr/bin/env sh
# Make sure the Debian packages named are present (Qt's libraries; for make test also the
# PostgreSQL server): install what is missing when run as root (after apt-get update),
# otherwise say exactly what to install. Usage: system-deps.sh PKG...
set -eu
if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian system; make sure these are installed: $*." >&2
    exit 0
fi
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    case "$status" in
        ii*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "system-deps: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
else
    echo "system-deps: missing Debian packages. Install them with:" >&2
    echo "    sudo apt-get install$missing" >&2
    exit 1
fi
