#!/usr/bin/env bash
# Prints the size of the release build's wasm, JS and CSS: raw, gzip -9 and brotli -q 11 (when `brotli` is
# installed), then what a host page downloads for one <folio-reader>: the loader, the wasm-bindgen glue, the wasm
# and the embed stylesheet (docs/embed.md, "Sizes"), and fails when a budget is exceeded.
# Usage: scripts/sizes.sh [dist dir, default dist/]; scripts/sizes.sh --self-check proves that an over-budget file
# fails (a budget that cannot fail would guard nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
budget() { # file-glob limit what
  local f gz
  f=$(ls $1 2>/dev/null | head -n1)
  [ -n "$f" ] || { echo "scripts/sizes.sh: nothing matches $1" >&2; exit 1; }
  gz=$(gzip -9c "$f" | wc -c)
  if [ "$gz" -gt "$2" ]; then
    echo "size budget exceeded: $3 $(basename "$f") is $gz bytes gzip, the budget is $2" >&2
    exit 1
  fi
  printf 'budget ok: %-28s %8s <= %8s bytes gzip\n' "$3" "$gz" "$2"
}

if [ "$dist" = --self-check ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  head -c 4096 /dev/urandom >"$tmp/big.bin"
  if (budget "$tmp/big.bin" 100 "self-check" >/dev/null 2>&1); then
    echo "scripts/sizes.sh --self-check: a 4 KB file passed a 100-byte budget" >&2
    exit 1
  fi
  budget "$tmp/big.bin" 10000 "self-check (4 KB file)"
  echo "self-check ok: an over-budget file fails, one within its budget passes"
  exit 0
fi

sizes() { # raw gzip brotli of one file
  local br=-
  if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$1" | wc -c); fi
  echo "$(wc -c <"$1") $(gzip -9c "$1" | wc -c) $br"
}
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$f" ] || continue
  read -r raw gz br < <(sizes "$f")
  printf '%-40s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
total=(0 0 0)
for f in "$dist"/folio.js "$dist"/folio-spa-*.js "$dist"/folio-spa-*_bg.wasm "$dist"/folio-embed-*.css; do
  [ -f "$f" ] || { echo "scripts/sizes.sh: no embed file $f" >&2; exit 1; }
  read -r -a s < <(sizes "$f")
  for i in 0 1 2; do
    if [ "${s[$i]}" = - ] || [ "${total[$i]}" = - ]; then total[$i]=-; else total[$i]=$((total[$i] + s[$i])); fi
  done
done
printf '%-40s %10s %10s %10s\n' "one <folio-reader> (embed total)" "${total[@]}"
# What a host page downloads for one widget, brotli: today's size plus a little headroom (issue 11 aims at 200,000
# B; lower this as the wasm is cut).
EMBED_BROTLI_BUDGET=375000
if [ "${total[2]}" != - ]; then
  if [ "${total[2]}" -gt "$EMBED_BROTLI_BUDGET" ]; then
    echo "size budget exceeded: one <folio-reader> is ${total[2]} bytes brotli, the budget is $EMBED_BROTLI_BUDGET" >&2
    exit 1
  fi
  printf 'budget ok: %-28s %8s <= %8s bytes brotli\n' "one <folio-reader>" "${total[2]}" "$EMBED_BROTLI_BUDGET"
fi

# Budgets (gzip -9 bytes). The loader's is the issue's limit (5 KB); the others are ceilings at today's size plus a
# little headroom, so growth is a decision, not an accident. Shrinking the wasm (pulldown-cmark, the serde-derived
# mapping readers) is tracked work; lower these as it lands.
budget "$dist/folio.js" 5120 "loader"
budget "$dist/folio-spa-*_bg.wasm" 460000 "wasm"
budget "$dist/folio-spa-*[!m].js" 12000 "JS glue"
budget "$dist/folio-embed-*.css" 6000 "embed CSS"
