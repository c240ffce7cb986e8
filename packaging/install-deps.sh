#!/usr/bin/env bash
# Installs the Debian packages Vingt needs to build, run and test (Debian 12 / Ubuntu 24.04).
# Idempotent: only missing packages are installed, and `apt-get update` runs only when something is
# missing. Quiet when there is nothing to do.
#
#   packaging/install-deps.sh          build + run + test (Qt, Boost, PostgreSQL, Xvfb, fonts, tools)
#   packaging/install-deps.sh --bench  ... plus wrk and nginx-light (bench/)
#   packaging/install-deps.sh --node   ... plus nodejs and npm, unless `node` and `npm` are on PATH
#   packaging/install-deps.sh --fuzz   ... plus clang and libFuzzer (make fuzz)
#
# Runs apt-get as root, or through sudo; fails with a message if neither is possible.
set -euo pipefail

usage() {
    sed -n '2,10s/^# \{0,1\}//p' "$0"
}

packages=(
    # Qt 6.4 (QT-NOTES §1: the qml6-module-* packages do not depend on each other, list each one)
    qt6-base-dev qt6-declarative-dev libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-templates
    qml6-module-qtquick-window qml6-module-qttest
    qt6-declarative-dev-tools  # qmllint (the qmllint test)
    # HTTP transport (Boost.Beast, header-only) and storage
    libboost-dev libsqlite3-dev postgresql
    # toolchain
    cmake ninja-build g++ pkg-config clang-format python3
    # the playground's "Copy as" snippets are run by a test (cURL, Python requests)
    curl python3-requests
    # headless GUI tests and screenshots
    xvfb xauth x11-apps imagemagick
    # fonts
    fonts-dejavu-core fonts-inter fonts-jetbrains-mono
)

for arg in "$@"; do
    case "$arg" in
        --bench) packages+=(wrk nginx-light) ;;
        --fuzz) packages+=(clang libclang-rt-14-dev) ;;
        --node)
            # These machines ship Node 20 outside apt; Debian's nodejs would be older, so keep theirs.
            if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
                packages+=(nodejs npm)
            fi
            ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install-deps.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
    esac
done

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps.sh: dpkg/apt-get not found; this script supports Debian-based systems only." >&2
    echo "Install these packages (or their equivalents) by hand: ${packages[*]}" >&2
    exit 1
fi

installed() {
    # Status is "<want> <error> <status>", e.g. "install ok installed" or "hold ok installed".
    local status
    status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
    [[ "$status" == *" ok installed" ]]
}

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps.sh: missing packages: ${missing[*]}" >&2
    echo "install-deps.sh: installing them needs root, and sudo is not available." >&2
    echo "Run this script as root, or install the packages with your package manager." >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
