// Folio's embed loader: defines <folio-reader>. One external ES module, no inline script or style, so it runs
// under a strict Content-Security-Policy. It finds the WebAssembly modules and the stylesheet relative to its own
// URL (any CDN path works); the build (embed/postbuild.sh) writes their hashed names and SRI hashes into FILES
// below, so every file the loader pulls is checked by the browser (Subresource Integrity): a wasm-bindgen module
// through a <link rel="modulepreload" integrity> (the import() that follows runs the module it put in the module
// map), its WebAssembly through fetch(integrity) and the stylesheet through <link integrity>. A host that pins
// this file with SRI therefore pins them all. The glue and its WebAssembly are requested together.
// Two modules: "lite" reads Folio JSON only (no mapping language, no presets: most of a page's readers need no
// more), "full" reads every shape. An element with a `preset` or `mapping` attribute starts on the full one; any
// other starts on the lite one, which, when the response turns out to be another API's (a preset's signature fits),
// keeps showing its loading state and sends the element `folio:needs-mapping`: the loader then loads the full
// module and hands the element over to it, with a copy of the article's answer (no second request). The lite
// module reads; listening, following a live article, posting (and editing one's own comments) and asking for a
// Mastodon server go through the full one: a reader who presses Play, sends a comment or presses Mastodon, and a
// live article or a thread with the reader's own editable comments, send `folio:upgrade`; the full module then
// draws the element out of sight, told what the reader was doing (it starts reading, posts the stored draft, opens
// the dialog), and is shown in place of the lite one once drawn. A page whose readers all read Folio JSON, and
// nobody listens, writes or follows, never fetches the full module.
// Each element renders into its own open shadow root; WebAssembly is fetched only when the first element comes
// within 200px of the viewport, unless it says loading="eager".
// The article is requested as the module is, not after it, and handed over with the reader.
// The modules carry the interface in English only: for a reader in another language the loader fetches that
// language's strings (a small JSON file, pinned by its SRI hash like the rest) beside the module and hands them
// over before the reader draws. If they cannot be loaded, the reader shows English.
const FILES = {
  lite: {
    js: "__FOLIO_LITE_JS__",
    jsSri: "__FOLIO_LITE_JS_SRI__",
    wasm: "__FOLIO_LITE_WASM__",
    wasmSri: "__FOLIO_LITE_WASM_SRI__",
  },
  full: {
    js: "__FOLIO_FULL_JS__",
    jsSri: "__FOLIO_FULL_JS_SRI__",
    wasm: "__FOLIO_FULL_WASM__",
    wasmSri: "__FOLIO_FULL_WASM_SRI__",
  },
  css: "__FOLIO_CSS__",
  cssSri: "__FOLIO_CSS_SRI__",
};
// The interface languages besides English, by primary subtag: [file, SRI hash] (src/i18n; written by the build).
const STRINGS = new Map([
  ["es", ["__FOLIO_STRINGS_ES__", "__FOLIO_STRINGS_ES_SRI__"]],
  ["pt", ["__FOLIO_STRINGS_PT__", "__FOLIO_STRINGS_PT_SRI__"]],
  ["fr", ["__FOLIO_STRINGS_FR__", "__FOLIO_STRINGS_FR_SRI__"]],
  ["ar", ["__FOLIO_STRINGS_AR__", "__FOLIO_STRINGS_AR_SRI__"]],
]);
const at = (name) => new URL(name, import.meta.url).href;
// What a reader touches before asking the lite module for the full one (see `soon` below).
const SOON = "form.folio-compose, .folio-listen__play, button[data-network=mastodon]";
const ATTRS = ["src", "comments", "preset", "mapping", "lang", "theme", "images"];
const loading = {}; // by kind: the promise of the module's exports
const loaded = {}; // by kind: the exports, once initialised
// A module is fetched once, with its integrity checked, by a modulepreload link (a failed check is an error
// event: the module is then never imported); import() of the same URL takes it from the module map.
const preload = (url, integrity) =>
  new Promise((ok, fail) => {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = url;
    link.integrity = integrity;
    link.crossOrigin = "anonymous";
    link.onload = ok;
    link.onerror = () => fail(new Error("integrity or network failure: " + url));
    document.head.append(link);
  });
// The WebAssembly is requested at the same time as its glue, not once the glue has arrived: a round trip less.
const load = (kind) => {
  const f = FILES[kind];
  if (!loading[kind]) {
    const wasm = fetch(at(f.wasm), { integrity: f.wasmSri });
    wasm.catch(() => {}); // a failure is reported through init() below; only a glue that failed first leaves it unread
    loading[kind] = preload(at(f.js), f.jsSri)
      .then(() => import(at(f.js)))
      .then(async (m) => {
        await m.default({ module_or_path: wasm });
        return (loaded[kind] = m);
      });
  }
  return loading[kind];
};

// The interface language as the reader negotiates it (src/components/reader.rs): the element's `lang`, else the
// page's, else the browser's first shipped language; English when none is shipped.
const langOf = (el) => {
  for (const tag of [el.getAttribute("lang"), document.documentElement.lang, ...navigator.languages]) {
    const code = String(tag || "").trim().split(/[-_]/)[0].toLowerCase();
    if (code === "en" || STRINGS.has(code)) return code;
  }
  return "en";
};
const texts = {}; // by language: the promise of its strings file's text (null if it failed), fetched once
const textOf = (code) => {
  const f = STRINGS.get(code);
  return f
    ? (texts[code] ||= fetch(at(f[0]), { integrity: f[1] })
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error("HTTP " + r.status))))
        .catch((err) => {
          console.warn("folio: the " + code + " interface strings did not load (" + err + "): showing English");
          return null;
        }))
    : null;
};
const given = new WeakMap(); // by module: the languages it has taken
// Hands language `code` to module `m` (once): a promise that settles when done, or null if there is nothing to
// wait for (English, or already given). A file that did not load leaves the reader in English.
const withStrings = (m, code) => {
  const text = textOf(code);
  if (!text || given.get(m)?.has(code)) return null;
  return text.then((t) => {
    if (t !== null && m.folio_strings(code, t)) (given.get(m) || given.set(m, new Set()).get(m)).add(code);
  });
};

// The article, requested beside the module rather than after it has run (on a phone's network that is a round trip
// less before the first word), the way the reader requests it (src/net: no cookies, JSON): [absolute URL, pending
// fetch, its abort controller], handed over with the reader, whose first request for that URL takes the answer
// instead of sending its own (and times it out or aborts it like its own).
const srcOf = (el) => {
  try {
    const url = new URL(el.getAttribute("src").trim(), location.href).href;
    return /^https?:/.test(url) ? url : undefined;
  } catch {
    return; // no src, or not a URL: the reader says so
  }
};
const early = (url) => {
  const abort = new AbortController();
  const init = { credentials: "omit", headers: { Accept: "application/json" }, signal: abort.signal };
  const answer = fetch(url, init);
  answer.catch(() => {}); // the reader reports a failure; one it never asked for is nobody's business
  return [url, answer, abort];
};
// A copy of an early answer for the full module, should the lite one find another API's shape in it (a detected
// shape, a Play, a live article): the handover then costs no second request. Cloned before the lite reader reads
// the body (the clone is the answer's reaction before the reader's); kept while the element is on the lite module
// (the browser holds that one body for it), dropped once the answer failed, the full module took it, or the element
// left the page.
const spare = (article) => {
  if (!article) return;
  const copy = article[1].then((r) => r.clone());
  copy.catch(() => {});
  return [article[0], copy, new AbortController()];
};

let observer;
const whenNear = (el) => {
  observer ||= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          observer.unobserve(e.target);
          e.target._start();
        }
      }
    },
    { rootMargin: "200px" },
  );
  observer.observe(el);
};

class FolioReader extends HTMLElement {
  static get observedAttributes() {
    return ATTRS;
  }

  // Debugging and the leak tests: how many readers are alive in the WebAssembly modules.
  static liveApps() {
    return Object.values(loaded).reduce((n, m) => n + m.folio_live_apps(), 0);
  }

  // Debugging and the tests: which modules this page has loaded ("lite", "full").
  static modules() {
    return Object.keys(loaded).sort();
  }

  constructor() {
    super();
    // The placeholder keeps its height until the article (or an error) is drawn: no layout shift.
    const settle = () => this._box && this._box.style.removeProperty("min-height");
    this.addEventListener("folio:loaded", settle);
    this.addEventListener("folio:error", () => {
      settle();
      this._spare = null; // an answer that failed is no use to the full module either
    });
    // The lite module cannot read this source: hand the element to the full module.
    this.addEventListener("folio:needs-mapping", () => {
      this._full = true;
      this._start();
    });
    // The lite module's reader needs what only the full module has (`need`: "listen", "listen-only", "live",
    // "post", "post:<parent id>", "own", "mastodon"; src/hooks/module_switch.rs).
    this.addEventListener("folio:upgrade", (e) => {
      if (this._full) return;
      this._full = true;
      this._need = e.detail.need;
      this._start();
    });
  }

  connectedCallback() {
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    if (!root.querySelector("link")) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = at(FILES.css);
      link.integrity = FILES.cssSri;
      link.crossOrigin = "anonymous";
      root.append(link);
      // A reader who starts writing, or points at Play or at Mastodon's button, is about to need the full module
      // (`folio:upgrade`): fetched now, sending or listening then does not wait for it.
      const soon = (e) => e.target.closest?.(SOON) && load("full").catch(() => {});
      root.addEventListener("focusin", soon);
      root.addEventListener("pointerover", soon);
    }
    if (this._box) return;
    const box = (this._box = document.createElement("div"));
    box.className = "folio-embed";
    // CSSOM, not a style attribute: allowed without 'unsafe-inline'.
    box.style.minHeight = "var(--folio-placeholder-height, 480px)";
    root.append(box);
    if (this.getAttribute("loading") === "eager") this._start();
    else whenNear(this);
  }

  _start() {
    const box = this._box;
    if (!box) return;
    const full = this._full || this.hasAttribute("preset") || this.hasAttribute("mapping");
    const code = langOf(this);
    textOf(code); // fetched beside the module, not after it
    // Handed over from the lite module for a detected shape: the copy of its answer, if it is of the same URL.
    const url = srcOf(this);
    const article = url && (full && this._spare?.[0] === url ? this._spare : early(url));
    this._spare = full ? null : spare(article);
    const need = this._need;
    this._need = null;
    load(full ? "full" : "lite")
      .then(async (m) => (await withStrings(m, code), m))
      .then(
        (m) => {
          // Still the same connection, and not on this module yet? Else nobody will read the early request.
          if (this._box !== box || this._wasm === m) return article?.[2].abort();
          if (need && this._id != null) return this._takeOver(m, article, need);
          // Handing over from the lite module: its reader (still in its loading state) goes, the full one comes
          // in the same task, so nothing is painted in between.
          this._drop();
          this._wasm = m;
          this._id = m.folio_mount(this, box, article);
        },
        (err) => {
          article?.[2].abort();
          if (this._box !== box) return;
          this._drop();
          box.textContent = "folio: could not load the reader (" + err + ")";
          this.dispatchEvent(
            new CustomEvent("folio:error", {
              bubbles: true,
              composed: true,
              detail: { kind: "load", message: String(err) },
            }),
          );
        },
      );
  }

  // A reader on module `m` takes over from the lite one, which stays in sight meanwhile: it draws in a box of its
  // own, hidden, told `need`; once it has drawn its article (`folio:drawn`) and nothing in it is still loading
  // (its comments), or after 10 s whatever it shows, it replaces the lite reader, and the focus moves to the same
  // control in it (the Play button, a form's button). The host page had its `folio:loaded` from the lite reader.
  _takeOver(m, article, need) {
    const old = this._box;
    const next = document.createElement("div");
    next.className = "folio-embed";
    next.style.display = "none";
    old.after(next);
    let watch;
    const swap = () => {
      if (this._next?.[2] !== next) return; // gone meanwhile, or already shown
      const id = this._next[1];
      watch?.disconnect();
      clearTimeout(timer);
      this._next = null;
      // The control that had the focus, as the same selector and its place among the matches.
      const had = this.shadowRoot.activeElement;
      const css = had && old.contains(had) && [had.localName, ...had.classList].join(".");
      const nth = css && [...old.querySelectorAll(css)].indexOf(had);
      this._drop();
      old.remove();
      next.style.removeProperty("display");
      [this._box, this._wasm] = [next, m];
      this._id = id;
      m.folio_update(id); // attributes changed meanwhile
      // A dialog the reader asked for (Mastodon's) has its field focused; else the same control, or, if it cannot
      // take the focus now (a form's button while it sends), the first field of its form.
      const same = css && next.querySelectorAll(css)[nth];
      const to = next.querySelector("dialog[open] input") || (same?.disabled ? same.form?.elements[0] : same);
      to?.focus();
    };
    const idle = () => !next.querySelector(".folio-loading") && (swap(), true);
    this.addEventListener(
      "folio:drawn",
      () => idle() || (watch = new MutationObserver(idle)).observe(next, { childList: true, subtree: true }),
      { once: true },
    );
    const timer = setTimeout(swap, 10000);
    this._next = [m, m.folio_mount(this, next, article, need), next];
  }

  // Destroy the element's reader, if it has one.
  _drop() {
    if (this._id != null) this._wasm.folio_unmount(this._id);
    this._id = this._wasm = null;
  }

  disconnectedCallback() {
    if (observer) observer.unobserve(this);
    if (this._next) {
      const [m, id, next] = this._next;
      this._next = null;
      m.folio_unmount(id);
      next.remove();
    }
    this._drop();
    if (this._box) this._box.remove();
    this._box = this._spare = null;
  }

  // A `preset` or `mapping` added to an element on the lite module reaches the full one the same way: the lite
  // reader answers it with `folio:needs-mapping`. A new language's strings are handed over first.
  attributeChangedCallback() {
    const [m, id] = [this._wasm, this._id];
    if (id == null) return;
    const waiting = withStrings(m, langOf(this));
    if (!waiting) m.folio_update(id);
    else waiting.then(() => this._id === id && m.folio_update(id));
  }
}

// <folio-count src|comments>: a comment count for listing pages, without the WebAssembly. Requests are batched:
// one fetch per distinct URL however many elements show it, at most 4 in flight.
const cache = new Map();
const waiting = [];
let inFlight = 0;
const pump = () => {
  while (inFlight < 4 && waiting.length) {
    const [url, done] = waiting.shift();
    inFlight++;
    fetch(url, { credentials: "omit" })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
      .then(done.ok, done.err)
      .finally(() => {
        inFlight--;
        pump();
      });
  }
};
const getJson = (url) => {
  if (!cache.has(url))
    cache.set(url, new Promise((ok, err) => (waiting.push([url, { ok, err }]), pump())));
  return cache.get(url);
};
const countFor = async (el) => {
  let url = el.getAttribute("comments");
  if (!url) {
    const src = new URL(el.getAttribute("src") || "", document.baseURI).href;
    url = new URL((await getJson(src)).comments, src).href;
  }
  const list = await getJson(new URL(url, document.baseURI).href);
  return Number.isInteger(list.total) ? list.total : list.comments.length;
};

class FolioCount extends HTMLElement {
  static get observedAttributes() {
    return ["src", "comments"];
  }

  connectedCallback() {
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    const out = root.firstChild || root.appendChild(document.createElement("span"));
    out.setAttribute("part", "count");
    countFor(this).then(
      (n) => (out.textContent = String(n)),
      () => (out.textContent = "–"),
    );
  }

  attributeChangedCallback() {
    if (this.isConnected) this.connectedCallback();
  }
}

// Loading the script twice (say, under two URLs) must not throw.
if (!customElements.get("folio-reader")) customElements.define("folio-reader", FolioReader);
if (!customElements.get("folio-count")) customElements.define("folio-count", FolioCount);
