#!/usr/bin/env bash
# System packages thidua needs, installed from Debian's archive when missing:
#   gettext             compilemessages (the English catalogue)
#   libharfbuzz-subset0 WeasyPrint subsets fonts natively (about 4x faster than in Python)
#   libpango-1.0-0      WeasyPrint's text layout
#   poppler-utils       pdftotext, to check generated PDFs in tests
#   qpdf                qpdf --check, the structural check of generated PDFs in tests
#   chromium            browser tests (only with WITH_BROWSER=1, e.g. in CI)
# The PDF font (Liberation Serif 2) ships in static/fonts, so it needs no package.
set -euo pipefail
packages=(gettext libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils qpdf)
[ "${WITH_BROWSER:-0}" = 1 ] && packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
