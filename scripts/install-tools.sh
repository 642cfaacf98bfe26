#!/usr/bin/env bash
# Installs every tool Folio's build and tests need, only where it is missing, so it is cheap to run again.
# Versions are pinned on purpose; see ../shared/guide/TOOLCHAIN.md for why each one is what it is.
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
BINARYEN_VERSION=132
AXE_VERSION=4.10.3
ESBUILD_VERSION=0.28.2

# A tool's version text, whole: `tool --version | grep -q` would close the pipe early, and a Rust CLI that dies of
# the broken pipe fails the pipeline under pipefail, which would look like "not installed".
version_of() { "$@" --version 2>/dev/null || true; }
has_version() { case "$(version_of "$1")" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox >/dev/null || command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v brotli >/dev/null || need_apt+=(brotli)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} from Debian"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Debian's binaryen (108) cannot read what current rustc emits: take it from npm.
if ! has_version wasm-opt "version ${BINARYEN_VERSION}"; then
  log "installing wasm-opt (binaryen@${BINARYEN_VERSION}) from npm"
  npm install -g --silent "binaryen@${BINARYEN_VERSION}" >/dev/null
fi

# esbuild minifies what a host page downloads besides the wasm: the loader, the embed's wasm-bindgen glue and its
# stylesheet (embed/build.sh, embed/postbuild.sh; about 3.6 KB brotli of one widget's page).
if ! has_version esbuild "${ESBUILD_VERSION}"; then
  log "installing esbuild@${ESBUILD_VERSION} from npm"
  npm install -g --silent "esbuild@${ESBUILD_VERSION}" >/dev/null
fi

# axe-core, the accessibility checker the end-to-end tests inject into pages (tests/e2e/a11y.rs).
if [ ! -f "$(npm root -g)/axe-core/axe.min.js" ] || ! grep -q "\"version\": \"${AXE_VERSION}\"" "$(npm root -g)/axe-core/package.json"; then
  log "installing axe-core@${AXE_VERSION} from npm"
  npm install -g --silent "axe-core@${AXE_VERSION}" >/dev/null
fi

# The CLI must match the wasm-bindgen crate exactly; --locked fails on this registry, so it is left off.
if ! has_version wasm-bindgen "${WASM_BINDGEN_VERSION}"; then
  log "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (about 4 minutes)"
  cargo install -q wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

# Trunk 0.21.14 only builds with --locked (lightningcss vs cssparser); 0.22 needs a newer rustc.
if ! has_version trunk "${TRUNK_VERSION}"; then
  log "installing trunk ${TRUNK_VERSION} (about 10 minutes)"
  cargo install -q trunk --version "${TRUNK_VERSION}" --locked
fi

if ! has_version geckodriver "${GECKODRIVER_VERSION}"; then
  log "installing geckodriver ${GECKODRIVER_VERSION} (about 3 minutes)"
  cargo install -q geckodriver --version "${GECKODRIVER_VERSION}"
fi

log "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), esbuild $(esbuild --version), $(version_of geckodriver | sed -n 1p)"
