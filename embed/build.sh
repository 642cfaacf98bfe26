#!/usr/bin/env sh
# Builds the embed's own WebAssembly module (the `folio-embed` binary: the reader without the SPA shell, the demo
# index or the mapping playground) into the directory given, as folio-embed-<hash>.js + folio-embed-<hash>_bg.wasm.
# Run by embed/postbuild.sh inside the Trunk build, with the same cargo profile and features as the SPA
# (TRUNK_PROFILE; TRUNK_BUILD_FEATURES, e.g. `test-hooks` for the end-to-end tests' build) and the same wasm-opt
# settings as index.html, so the two modules differ only in what their binaries reach.
# Usage: embed/build.sh <out dir>
set -eu
out="${1:?usage: embed/build.sh <out dir>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-$root/target}"
set -- --manifest-path "$root/Cargo.toml" --target wasm32-unknown-unknown --bin folio-embed --no-default-features
[ "$profile" = release ] && set -- "$@" --release
# The SPA's `hydration` feature stays out: no host page of `<folio-reader>` is rendered by Folio's server.
features="$(printf '%s' "${TRUNK_BUILD_FEATURES:-}" | tr ',' '\n' | grep -vx 'hydration' | paste -sd, -)"
[ -n "$features" ] && set -- "$@" --features "$features"
cargo build --quiet "$@"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name folio-embed \
  "$target/wasm32-unknown-unknown/$profile/folio-embed.wasm"
if [ "$profile" = release ]; then
  # The flags of index.html's data-wasm-opt-params: the features Rust 1.95 emits.
  wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$tmp/folio-embed_bg.wasm" -o "$tmp/opt.wasm"
  mv "$tmp/opt.wasm" "$tmp/folio-embed_bg.wasm"
fi
# Content-hashed names, like Trunk's, so a CDN can cache them for ever; the glue names its wasm only as a default
# (the loader passes the fetched module), so renaming is safe.
hash="$(cat "$tmp/folio-embed.js" "$tmp/folio-embed_bg.wasm" | sha256sum | cut -c1-16)"
mv "$tmp/folio-embed.js" "$out/folio-embed-$hash.js"
mv "$tmp/folio-embed_bg.wasm" "$out/folio-embed-${hash}_bg.wasm"
