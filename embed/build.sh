#!/usr/bin/env sh
# Builds the embed's two WebAssembly modules (the `folio-embed` binary: the reader without the SPA shell, the demo
# index or the mapping playground) into the directory given:
#  - lite: folio-embed-<hash>.js + folio-embed-<hash>_bg.wasm, without the `mapping` feature: reads Folio JSON only
#    (what one <folio-reader> on a Folio JSON API loads; docs/embed.md, "Two modules");
#  - full: folio-full-<hash>.js + folio-full-<hash>_bg.wasm, with it: every preset and mapping document.
# In release builds the wasm goes through wasm-opt and `wasm-finish strip-locations` (crates/wasm-finish: Rust's
# panic locations blanked), the glue through esbuild's minifier, and both through `wasm-finish minify-imports`
# (crates/wasm-finish: short import names).
# Run by embed/postbuild.sh inside the Trunk build, with the same cargo profile and features as the SPA
# (TRUNK_PROFILE; TRUNK_BUILD_FEATURES, e.g. `mapping,test-hooks` for the end-to-end tests' build: `mapping` is
# dropped for the lite module and added for the full one) and the same wasm-opt settings as index.html, so the
# modules differ only in what their binaries reach. The unoptimised wasm of each stays beside cargo's output as
# folio-embed-lite.wasm and folio-embed-full.wasm, with its name section, for scripts/size-report.sh.
# Usage: embed/build.sh <out dir>
set -eu
out="${1:?usage: embed/build.sh <out dir>}"
root="$(cd "$(dirname "$0")/.." && pwd)"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-$root/target}"
wasm_dir="$target/wasm32-unknown-unknown/$profile"
# The features asked for, without those the module's kind decides (`mapping`, `read-aloud`, `live-articles`,
# `posting`, `mastodon-dialog`: the full module's, docs/embed.md "Two modules"), without the SPA's `hydration` (no host page of `<folio-reader>` is
# rendered by Folio's server) and without `languages` (the loader fetches the reader's language: src/i18n),
# comma-separated.
features="$(printf '%s' "${TRUNK_BUILD_FEATURES:-}" | tr ', ' '\n\n' |
  grep -v -x -e mapping -e read-aloud -e live-articles -e posting -e mastodon-dialog -e hydration -e languages -e '' | paste -s -d, -)" || true

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

module() { # kind (lite|full) output-prefix features
  set -- "$1" "$2" "$3" --manifest-path "$root/Cargo.toml" --target wasm32-unknown-unknown --bin folio-embed \
    --no-default-features
  kind=$1 prefix=$2 feats=$3
  shift 3
  [ "$profile" = release ] && set -- "$@" --release
  [ -n "$feats" ] && set -- "$@" --features "$feats"
  cargo build --quiet "$@"
  cp "$wasm_dir/folio-embed.wasm" "$wasm_dir/folio-embed-$kind.wasm"

  rm -rf "$tmp/$kind" && mkdir "$tmp/$kind"
  wasm-bindgen --target web --no-typescript --out-dir "$tmp/$kind" --out-name m "$wasm_dir/folio-embed-$kind.wasm"
  if [ "$profile" = release ]; then
    # The flags of index.html's data-wasm-opt-params: the features Rust 1.95 emits, and --low-memory-unused: Rust
    # puts its stack below its data, so the first KB of memory is only reached by a stack that has already
    # overflowed, and wasm-opt may fold constant offsets into loads and stores (-0.8 KB brotli); and without the
    # producers and target-features sections, which no browser reads (-0.2 KB).
    wasm-opt -Oz --low-memory-unused --strip-producers --strip-target-features \
      --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$tmp/$kind/m_bg.wasm" -o "$tmp/$kind/opt.wasm"
    mv "$tmp/$kind/opt.wasm" "$tmp/$kind/m_bg.wasm"
    # Rust's panic locations (file, line, column of every place that can panic) blanked in place: stable Rust
    # cannot leave them out, and only a panic message names them (crates/wasm-finish/src/locations.rs; -3.0 KB
    # brotli).
    cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p wasm-finish -- strip-locations \
      "$tmp/$kind/m_bg.wasm" "$tmp/$kind/m_bg.wasm"
    # The glue as a host page downloads it: 61 KB of commented, indented JavaScript is 28 KB minified (esbuild,
    # installed by scripts/install-tools.sh; -1.9 KB brotli). Its exports keep their names.
    esbuild "$tmp/$kind/m.js" --minify --log-level=warning --outfile="$tmp/$kind/min.js"
    mv "$tmp/$kind/min.js" "$tmp/$kind/m.js"
    # The module's imports renamed to one- and two-letter names in the wasm and in the glue's import object alike:
    # wasm-bindgen names each `__wbg_<name>_<hash>`, and 238 hashes written twice do not compress
    # (crates/wasm-finish/src/imports.rs; -5.7 KB brotli over the two files).
    cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p wasm-finish -- minify-imports \
      "$tmp/$kind/m_bg.wasm" "$tmp/$kind/m.js"
  fi
  # Content-hashed names, like Trunk's, so a CDN can cache them for ever; the glue names its wasm only as a default
  # (the loader passes the fetched module), so renaming is safe.
  hash="$(cat "$tmp/$kind/m.js" "$tmp/$kind/m_bg.wasm" | sha256sum | cut -c1-16)"
  mv "$tmp/$kind/m.js" "$out/$prefix-$hash.js"
  mv "$tmp/$kind/m_bg.wasm" "$out/$prefix-${hash}_bg.wasm"
}

module lite folio-embed "$features"
module full folio-full "mapping,read-aloud,live-articles,posting,mastodon-dialog${features:+,$features}"
