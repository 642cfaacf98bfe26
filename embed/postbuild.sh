#!/usr/bin/env sh
# Trunk post_build hook (Trunk.toml): prepares the embed files in the staging dir before it becomes dist/.
#  0. folio-embed-<hash>.js + folio-embed-<hash>_bg.wasm: the embed's own module (embed/build.sh), without the
#     SPA shell, the demo index and the playground that Trunk's folio-spa module carries.
#  1. folio-embed-<hash>.css: embed/host.css + Trunk's folio-<hash>.css (the widget stylesheet styles/generate.sh
#     wrote) with every `<n>rem` outside @media turned into `calc(<n> * var(--folio-rem))` (rem follows the HOST
#     page's root font size; the embed must not).
#  2. folio.js: the hashed names of the wasm-bindgen module, the wasm and that stylesheet written in, with the
#     SRI hashes of all three (the loader passes them to <link rel="modulepreload" integrity>, fetch() and
#     <link integrity>), so pinning folio.js pins everything it loads.
#  3. folio-sri.txt: the Subresource Integrity hash (sha384) of each embed file, one `<hash>  <file>` a line.
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
js=$(one 'folio-embed-*.js')
wasm=$(one 'folio-embed-*_bg.wasm')
css=$(one 'folio-[0-9a-f]*.css')
tmp=folio-embed.tmp
{
  cat "$src/embed/host.css"
  # Not in @media conditions: var() is invalid there (and a media query's rem is the browser's initial size anyway).
  perl -pe 'next if /^\s*\@media/; s/(?<![\w.-])(\d*\.?\d+)rem(?![\w-])/calc($1 * var(--folio-rem, 16px))/g' "$css"
} >"$tmp"
embed_css="folio-embed-$(sha256sum "$tmp" | cut -c1-16).css"
mv "$tmp" "$embed_css"
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
sed -i -e "s|__FOLIO_JS__|$js|" -e "s|__FOLIO_JS_SRI__|$(sri "$js")|" -e "s|__FOLIO_WASM__|$wasm|" -e "s|__FOLIO_WASM_SRI__|$(sri "$wasm")|" \
  -e "s|__FOLIO_CSS__|$embed_css|" -e "s|__FOLIO_CSS_SRI__|$(sri "$embed_css")|" folio.js
: >folio-sri.txt
for f in folio.js "$js" "$wasm" "$embed_css"; do
  printf '%s  %s\n' "$(sri "$f")" "$f" >>folio-sri.txt
done
