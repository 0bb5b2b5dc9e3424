#!/usr/bin/env bash
# Debian packages the tests drive for real: PC/SC (pcscd + the vpcd virtual reader; unshare, ip and socat give the
# tests' pcscd its own namespaces), CUPS with a PDF queue (cupsd, lp, ipptool), socat for the serial receipt
# printer, Chromium for the UIs, poppler and zbar to read printed certificates, CJK fonts.
# `demo` as the first argument installs only what the demo needs (the certificate's fallback font for official
# characters). Run as root (CI is root); skips apt entirely when everything is already there.
set -euo pipefail

demo_packages=(fonts-ipamj-mincho)
test_packages=(
  build-essential python3 pkg-config
  pcscd libpcsclite-dev vsmartcard-vpcd util-linux iproute2
  cups cups-client cups-ipp-utils printer-driver-cups-pdf
  socat
  chromium
  poppler-utils zbar-tools
  fonts-noto-cjk fonts-ipaexfont fonts-ipamj-mincho
)
if [ "${1:-}" = demo ]; then packages=("${demo_packages[@]}"); else packages=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages: ${missing[*]}" >&2
  echo "run this script as root (sudo bash $0) to install them" >&2
  exit 1
fi
echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
