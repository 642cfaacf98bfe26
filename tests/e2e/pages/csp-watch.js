// Test helper of csp.html: records every Content-Security-Policy violation in window.__violations, whether it is
// reported on the document or inside a shadow root (events that do not leave the shadow tree included).
window.__violations = [];
const seen = new WeakSet();
const record = (e) => {
  if (seen.has(e)) return;
  seen.add(e);
  window.__violations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    policy: e.originalPolicy,
  });
};
document.addEventListener("securitypolicyviolation", record, true);
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  root.addEventListener("securitypolicyviolation", record, true);
  return root;
};
