#!/usr/bin/env bash
# Installs what kehoach needs from Debian 12 packages (only what is missing).
# Run as root, or with sudo available.  Nothing is downloaded at build or run
# time beyond these packages.
set -euo pipefail
PKGS=(build-essential cmake pkg-config
      libpoppler-cpp-dev libpoppler-private-dev poppler-utils
      libicu-dev libre2-dev nlohmann-json3-dev libcli11-dev libgtest-dev
      libxlsxwriter-dev libsqlite3-dev sqlite3
      slurmctld slurmd slurm-client munge qpdf
      libtesseract-dev libleptonica-dev tesseract-ocr-vie
      clang-14 libclang-rt-14-dev llvm-14
      python3 python3-jsonschema
      chromium fonts-liberation2)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
