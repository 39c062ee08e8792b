#!/bin/sh
# Trunk post-build hook (Trunk.toml). For release builds it:
#  - writes sw.js: this build's version (a digest of its files) and the list of files to cache,
#    followed by web/sw.js;
#  - adds to index.html the Content-Security-Policy and the service worker's address.
# Debug builds (./dev serve) get neither: no stale cache while developing, and trunk's live
# reload script stays allowed. Plain sh and coreutils only.
set -eu
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
cd "$TRUNK_STAGING_DIR"

# Scripts and wasm from this site only ('wasm-unsafe-eval' lets it compile the wasm), styles
# from its files only (the app sets styles through the CSSOM, never style attributes), and no
# plugins, frames, forms or base-URL changes. The app talks to no server.
CSP="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

tmp=$(mktemp)
awk -v csp="$CSP" '
  { print }
  /<meta charset=/ && !done {
    print "    <meta http-equiv=\"Content-Security-Policy\" content=\"" csp "\" />"
    print "    <meta name=\"rolecall-sw\" content=\"./sw.js\" />"
    done = 1
  }
  END { if (!done) exit 1 }
' index.html > "$tmp" || { echo "post-build: no <meta charset> in index.html to put the CSP after" >&2; exit 1; }
cat "$tmp" > index.html
rm -f "$tmp"

files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do sha256sum "$f"; done | sha256sum | cut -c1-16)
{
  echo "// Written by scripts/post-build.sh for this build."
  echo "const VERSION = '$version';"
  echo "const ASSETS = ["
  for f in $files; do echo "  './$f',"; done
  echo "];"
  echo
  cat "$TRUNK_SOURCE_DIR/web/sw.js"
} > sw.js
echo "post-build: sw.js version $version, $(echo "$files" | wc -l) files; CSP added to index.html"
