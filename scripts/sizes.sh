#!/usr/bin/env bash
# Prints the size of the release build's wasm, JS and CSS: raw, gzip -9 and brotli (when `brotli` is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -c -q 11 "$f" | wc -c); else br=-; fi
  printf '%-40s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
