#!/bin/sh
# Trunk post-build hook (Trunk.toml). For every build it:
#  - puts the split-off page groups (cut by scripts/tools/wasm-bindgen) into split-<hash>/, next
#    to the main module of the same build, optimised like it in release builds;
# and for release builds it also:
#  - writes sw.js: this build's version (a digest of its files) and the list of files to cache,
#    followed by web/sw.js;
#  - adds to index.html the Content-Security-Policy and the service worker's address.
# Debug builds (./dev serve) get neither: no stale cache while developing, and trunk's live
# reload script stays allowed. Plain sh and coreutils only.
set -eu
cd "$TRUNK_STAGING_DIR"

split_src="${CARGO_TARGET_DIR:-$TRUNK_SOURCE_DIR/target}/wasm-bindgen/$TRUNK_PROFILE/split"
main_js=$(ls rolecall-*.js)
build=${main_js#rolecall-}
build=${build%.js}
split_dir="split-$build"
mkdir "$split_dir"
# The loader imports the main module by trunk's hashed name; the main module imports the loader.
sed "s|\"./rolecall.js\"|\"../$main_js\"|" "$split_src/__wasm_split.js" > "$split_dir/__wasm_split.js"
sed -i "s|from \"./__wasm_split.js\"|from \"./$split_dir/__wasm_split.js\"|" "$main_js"
grep -q "$split_dir/__wasm_split.js" "$main_js" || { echo "post-build: the main module does not import the split loader" >&2; exit 1; }
if [ "$TRUNK_PROFILE" = release ]; then
  # The same wasm-opt settings as the main module (index.html's data-wasm-opt-params).
  params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$TRUNK_SOURCE_DIR/index.html")
  # --strip-debug drops the function names the splitter leaves in; its complaints about them
  # are shown only if wasm-opt fails.
  ls "$split_src"/*.wasm | xargs -P 2 -I {} sh -c \
    'out=$(wasm-opt -Oz --strip-debug $1 "$2" -o "$3/$(basename "$2")" 2>&1) || { echo "$out" >&2; exit 1; }' \
    _ "$params" {} "$split_dir"
else
  cp "$split_src"/*.wasm "$split_dir/"
fi
echo "post-build: $(ls "$split_dir" | grep -c '\.wasm$') split wasm files in $split_dir"

[ "$TRUNK_PROFILE" = release ] || exit 0

# Scripts and wasm from this site only ('wasm-unsafe-eval' lets it compile the wasm), styles
# from its files only (the app sets styles through the CSSOM, never style attributes), and no
# plugins, frames, forms or base-URL changes. The app talks to no server but the team sync
# server the user types in, which can be any host: connect-src admits WebSocket addresses (ws:,
# wss:) and nothing else beyond this site.
CSP="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self' ws: wss:; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"

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
