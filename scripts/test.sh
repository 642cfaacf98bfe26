#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, native unit and property tests, the
# reference server's API tests (on SQLite, then on a PostgreSQL cluster that scripts/postgres.sh installs, starts and
# removes), component tests in headless Chromium and Firefox (wasm-bindgen-test), and the end-to-end tests (Trunk
# release build + reference server + WebDriver) in both browsers, the two-instance one on PostgreSQL. Exits non-zero
# on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# One build per clean checkout: incremental caches would only double the target directory's size on disk.
export CARGO_INCREMENTAL=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tools"
bash scripts/install-tools.sh

step "format, lints and rustdoc (host and wasm)"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
cargo clippy --lib --bins --tests --target wasm32-unknown-unknown --quiet -- -D warnings
# The embed's lite module: the library without the `mapping` feature (docs/embed.md, "Two modules").
cargo clippy --lib --bins --tests --target wasm32-unknown-unknown --no-default-features --quiet -- -D warnings
# The rustdoc of every crate, and of the lite module's library: no broken or private links.
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
RUSTDOCFLAGS="-D warnings" cargo doc --lib --no-deps --target wasm32-unknown-unknown --no-default-features --quiet

step "the Yew component example builds (examples/host_app.rs)"
cargo build --example host_app --target wasm32-unknown-unknown --quiet

step "native tests: data path, state, i18n, folio-map, reference server (on SQLite)"
cargo test --workspace --lib --bins --quiet
cargo test --lib --no-default-features --quiet
cargo test -p folio-server --quiet
cargo test -p folio-map --quiet

step "the reference server's tests again on PostgreSQL (a throwaway cluster started by scripts/postgres.sh)"
# Every API test gets a fresh database of its own; the two-instance tests run two folio-server processes on one.
bash scripts/postgres.sh -- cargo test -p folio-server --quiet

step "component tests in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --target wasm32-unknown-unknown --test browser

step "component tests in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_TIMEOUT=300 \
  cargo test --target wasm32-unknown-unknown --test browser

step "release build (Trunk) and server, and its size budgets"
bash scripts/build.sh
bash scripts/sizes.sh --self-check
bash scripts/sizes.sh

step "the end-to-end tests' build (release, plus the test-only hook folio_test_panic) in dist-test/"
FOLIO_FEATURES=test-hooks bash scripts/build.sh dist-test
if grep -q folio_test_panic dist/*.js; then
  echo "the release build in dist/ exports the test hook folio_test_panic" >&2
  exit 1
fi

step "end-to-end tests in Chromium and Firefox"
# One at a time: each test drives both browsers, and two cores are better spent on one browser at a time.
FOLIO_DIST="$PWD/dist-test" cargo test --test e2e --quiet -- --test-threads=1

step "the two-instance end-to-end test on PostgreSQL, in Chromium and Firefox"
# Two folio-server instances on one database of a throwaway cluster: a reader of each, a comment and its edit live.
FOLIO_DIST="$PWD/dist-test" bash scripts/postgres.sh -- \
  cargo test --test e2e --quiet instances:: -- --test-threads=1

step "all tests passed"
