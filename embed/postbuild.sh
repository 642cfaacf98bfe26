#!/usr/bin/env sh
# Trunk post_build hook (Trunk.toml): prepares the embed files in the staging dir before it becomes dist/.
#  0. The embed's own modules (embed/build.sh), without the SPA shell, the demo index and the playground that
#     Trunk's folio-spa module carries: folio-embed-<hash>.js + folio-embed-<hash>_bg.wasm (lite: Folio JSON only)
#     and folio-full-<hash>.js + folio-full-<hash>_bg.wasm (full: with the mapping language and presets).
#  1. folio-embed-<hash>.css: embed/host.css + Trunk's folio-<hash>.css (the widget stylesheet styles/generate.sh
#     wrote) with every `<n>rem` outside @media turned into `calc(<n> * var(--folio-rem))` (rem follows the HOST
#     page's root font size; the embed must not).
#  2. folio.js: the hashed names of both modules' wasm-bindgen glue and wasm and of that stylesheet written in,
#     with the SRI hashes of all five (the loader passes them to <link rel="modulepreload" integrity>, fetch() and
#     <link integrity>), so pinning folio.js pins everything it loads.
#  In release builds the stylesheet and folio.js are minified (esbuild) before they are hashed.
#  3. folio-strings-<code>-<hash>.json: the interface strings of each language but English (the `folio_strings`
#     example; the embed's modules carry English only), their names and SRI hashes written into folio.js too.
#  4. folio-sri.txt: the Subresource Integrity hash (sha384) of each embed file, one `<hash>  <file>` a line.
#  5. In release builds, the SPA's module finished as the embed's are (embed/build.sh): its panic locations
#     blanked, its glue minified, its imports' names shortened (crates/wasm-finish, esbuild); Trunk has already
#     written index.html with the SRI hashes of the glue and the wasm, so both hashes are rewritten there.
set -eu
src="${TRUNK_SOURCE_DIR:-.}"
d="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$d"
one() { # exactly one file matching the pattern
  set -- $1
  [ "$#" -eq 1 ] && [ -f "$1" ] || { echo "embed/postbuild.sh: expected one file, got: $*" >&2; exit 1; }
  echo "$1"
}
sh "$src/embed/build.sh" "$d"
# The interface strings of every language but English (the embed's modules carry English only: src/i18n), one
# file each, content-hashed like the modules.
cargo run --quiet --manifest-path "$src/Cargo.toml" --example folio_strings -- "$d"
strings_files=""
for f in folio-strings-*.json; do
  case "$f" in folio-strings-??.json) ;; *) continue ;; esac
  code=${f#folio-strings-}
  code=${code%.json}
  hashed="folio-strings-$code-$(sha256sum "$f" | cut -c1-16).json"
  mv "$f" "$hashed"
  strings_files="$strings_files $code:$hashed"
done
lite_js=$(one 'folio-embed-*.js')
lite_wasm=$(one 'folio-embed-*_bg.wasm')
full_js=$(one 'folio-full-*.js')
full_wasm=$(one 'folio-full-*_bg.wasm')
css=$(one 'folio-[0-9a-f]*.css')
tmp=folio-embed.tmp
{
  cat "$src/embed/host.css"
  # Not in @media conditions: var() is invalid there (and a media query's rem is the browser's initial size anyway).
  perl -pe 'next if /^\s*\@media/; s/(?<![\w.-])(\d*\.?\d+)rem(?![\w-])/calc($1 * var(--folio-rem, 16px))/g' "$css"
} >"$tmp"
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  # What a host page downloads, minified (esbuild, installed by scripts/install-tools.sh): after the rem rewrite
  # above, which reads the stylesheet line by line. folio.js before its placeholders are filled in (they are
  # string literals, which the minifier keeps). `--format=esm`: the loader is a module, so its top-level names are
  # its own and may be shortened too (-0.09 KB brotli; no gain on the glues, whose exports keep their names).
  esbuild --loader=css --minify --log-level=warning <"$tmp" >"$tmp.min" && mv "$tmp.min" "$tmp"
  esbuild folio.js --minify --format=esm --log-level=warning --outfile=folio.min.js && mv folio.min.js folio.js
fi
embed_css="folio-embed-$(sha256sum "$tmp" | cut -c1-16).css"
mv "$tmp" "$embed_css"
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
sed -i \
  -e "s|__FOLIO_LITE_JS__|$lite_js|" -e "s|__FOLIO_LITE_JS_SRI__|$(sri "$lite_js")|" \
  -e "s|__FOLIO_LITE_WASM__|$lite_wasm|" -e "s|__FOLIO_LITE_WASM_SRI__|$(sri "$lite_wasm")|" \
  -e "s|__FOLIO_FULL_JS__|$full_js|" -e "s|__FOLIO_FULL_JS_SRI__|$(sri "$full_js")|" \
  -e "s|__FOLIO_FULL_WASM__|$full_wasm|" -e "s|__FOLIO_FULL_WASM_SRI__|$(sri "$full_wasm")|" \
  -e "s|__FOLIO_CSS__|$embed_css|" -e "s|__FOLIO_CSS_SRI__|$(sri "$embed_css")|" folio.js
for entry in $strings_files; do
  code=${entry%%:*}
  file=${entry#*:}
  upper=$(printf '%s' "$code" | tr a-z A-Z)
  sed -i -e "s|__FOLIO_STRINGS_${upper}__|$file|" -e "s|__FOLIO_STRINGS_${upper}_SRI__|$(sri "$file")|" folio.js
done
if grep -q '__FOLIO_' folio.js; then
  echo "embed/postbuild.sh: a placeholder is left in folio.js: $(grep -o '__FOLIO_[A-Z_]*__' folio.js | head -n1)" >&2
  exit 1
fi
if [ "${TRUNK_PROFILE:-release}" = release ]; then
  spa_js=$(one 'folio-spa-*.js')
  spa_wasm=$(one 'folio-spa-*_bg.wasm')
  old_js_sri=$(sri "$spa_js")
  old_wasm_sri=$(sri "$spa_wasm")
  finish() { cargo run --quiet --release --manifest-path "$src/Cargo.toml" -p wasm-finish -- "$@"; }
  finish strip-locations "$spa_wasm" "$spa_wasm"
  esbuild "$spa_js" --minify --log-level=warning --outfile=spa.min.js && mv spa.min.js "$spa_js"
  # Trunk runs wasm-bindgen with the out-name folio-spa: the imports' module is ./folio-spa_bg.js.
  finish minify-imports "$spa_wasm" "$spa_js" --module ./folio-spa_bg.js
  for pair in "$old_js_sri:$spa_js" "$old_wasm_sri:$spa_wasm"; do
    old=${pair%%:*}
    file=${pair#*:}
    grep -q "integrity=\"$old\"" index.html || {
      echo "embed/postbuild.sh: index.html does not pin $file with $old" >&2
      exit 1
    }
    sed -i "s|integrity=\"$old\"|integrity=\"$(sri "$file")\"|" index.html
  done
fi
: >folio-sri.txt
for f in folio.js "$lite_js" "$lite_wasm" "$full_js" "$full_wasm" "$embed_css" $(for e in $strings_files; do
  printf '%s\n' "${e#*:}"
done); do
  printf '%s  %s\n' "$(sri "$f")" "$f" >>folio-sri.txt
done
