// A stand-in for the browser's speech synthesis, installed before Folio starts (headless browsers have no
// voices): `speechSynthesis` with three voices (English, Spanish, Arabic) and a `SpeechSynthesisUtterance` that
// records what it was given. Nothing is spoken and nothing ends by itself: the test drives it through
// `window.__speech` — `log` (every utterance passed to speak(): text, lang, rate, voice name), `cancels`,
// `current()`, `boundary(charIndex)`, `finish()` (the current utterance ends), `loadVoices()`.
// With `window.__speechLateVoices = true` set first, getVoices() is empty until loadVoices() fires
// `voiceschanged`, as in Chromium.
(() => {
  const voices = [
    { name: 'Stub English', lang: 'en-US', default: true, localService: true, voiceURI: 'stub-en' },
    { name: 'Stub Spanish', lang: 'es-ES', default: false, localService: true, voiceURI: 'stub-es' },
    { name: 'Stub Arabic', lang: 'ar-EG', default: false, localService: true, voiceURI: 'stub-ar' },
  ];
  const fire = (target, type, extra) => {
    const e = new Event(type);
    Object.assign(e, extra || {});
    if (typeof target['on' + type] === 'function') target['on' + type](e);
    target.dispatchEvent(e);
  };
  class Utterance extends EventTarget {
    constructor(text) {
      super();
      Object.assign(this, { text: String(text ?? ''), lang: '', rate: 1, pitch: 1, volume: 1, voice: null,
                            onstart: null, onend: null, onerror: null, onboundary: null, onpause: null, onresume: null });
    }
  }
  const synth = new EventTarget();
  let listed = window.__speechLateVoices ? [] : voices;
  let current = null;
  const state = { log: [], cancels: 0 };
  Object.assign(synth, {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices: () => listed.slice(),
    speak(u) {
      state.log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null });
      current = u;
      synth.speaking = true;
      fire(u, 'start');
    },
    cancel() {
      state.cancels += 1;
      const u = current;
      current = null;
      synth.speaking = false;
      if (u) fire(u, 'error', { error: 'interrupted' });
    },
    pause() { synth.paused = true; },
    resume() { synth.paused = false; },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__speech = Object.assign(state, {
    current: () => current && current.text,
    boundary(charIndex) { if (current) fire(current, 'boundary', { charIndex, name: 'word' }); },
    finish() { const u = current; current = null; synth.speaking = false; if (u) fire(u, 'end'); },
    loadVoices() { listed = voices; fire(synth, 'voiceschanged'); },
    reset() { state.log.length = 0; state.cancels = 0; },
  });
})();
