#!/usr/bin/env bash
# Browser e2e tests in Debian's chromium. Installs chromium when missing and this machine can
# (root + apt); otherwise stops with a clear message rather than skipping silently.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
# Japanese text needs a CJK font to be readable in screenshots.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && ! fc-list 2>/dev/null | grep -qi "ipa\|noto sans cjk"; then
  apt-get install -y -qq fonts-ipafont-gothic >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-ipafont-gothic >/dev/null) || echo "e2e: could not install a Japanese font; screenshots will show boxes" >&2
fi
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "e2e: chromium is not installed at $CHROMIUM and cannot be installed here (needs root and apt-get)." >&2
    echo "e2e: install it (apt-get install chromium) or set CHROMIUM_PATH, then run npm run test:e2e." >&2
    exit 1
  fi
fi
mkdir -p tmp screenshots
npx playwright test "$@"
