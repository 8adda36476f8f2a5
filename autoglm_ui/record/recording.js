// autoglm-ui record, interactive mode: reports what the user does to controls through the exposed
// binding window.__autoglm_record. Installed as an init script after `window.__autoglmFacts = <capture.js>`,
// so each event carries the control's facts as they were *before* the page's own handlers ran
// (listeners are on window, capture phase, registered before any page script).
// Main frame only. Reads the DOM; writes nothing but its own window.__autoglm* globals.
(() => {
  if (window !== window.top || window.__autoglmRecorder) return;
  const doc = Math.random().toString(36).slice(2);
  const state = { doc, sent: 0, targets: [] };
  const refs = new Map();  // element -> its index in state.targets (one per element)
  window.__autoglmRecorder = state;
  const CONTROL = "button, a[href], input, textarea, select, summary, [role=button], [role=link], " +
    "[role=checkbox], [role=radio], [role=switch], [role=textbox], [role=searchbox], [role=combobox], " +
    "[role=tab], [role=spinbutton], [contenteditable=''], [contenteditable=true]";
  const TOGGLES = new Set(["checkbox", "radio"]);
  const TEXT = new Set(["text", "email", "password", "search", "tel", "url", "number", "date",
    "datetime-local", "month", "week", "time", ""]);

  const controlOf = (node) => (node && node.closest ? node.closest(CONTROL) : null);
  const isToggle = (el) => el.tagName === "INPUT" && TOGGLES.has((el.type || "").toLowerCase());
  const isText = (el) => (el.tagName === "INPUT" && TEXT.has((el.getAttribute("type") || "").toLowerCase())) ||
    el.tagName === "TEXTAREA" || el.isContentEditable;

  function facts(el) {
    try {
      const answer = JSON.parse(window.__autoglmFacts({ targets: [{ handles: [el] }] }));
      return answer.controls[0];
    } catch (e) {
      return null;  // reported as missing facts; the recorder falls back to the element itself
    }
  }
  function report(type, el, extra) {
    if (!refs.has(el)) refs.set(el, state.targets.push(el) - 1);
    const ref = refs.get(el);
    state.sent += 1;
    const event = Object.assign({ type, doc, seq: state.sent, ref, url: location.href, facts: facts(el) }, extra || {});
    window.__autoglm_record(event);
  }

  window.addEventListener("click", (e) => {
    const el = controlOf(e.target);
    if (!el || !e.isTrusted) return;
    if (isToggle(el) || isText(el) || el.tagName === "SELECT" || el.tagName === "INPUT") return;
    const label = e.target.closest && e.target.closest("label");
    if (label && label.control && (isToggle(label.control) || isText(label.control))) return;
    report("click", el);
  }, true);
  window.addEventListener("input", (e) => {
    const el = e.target;
    if (el && isText(el)) report("fill", el, { value: el.isContentEditable ? el.innerText : el.value });
  }, true);
  window.addEventListener("change", (e) => {
    const el = e.target;
    if (!el) return;
    if (isToggle(el)) report(el.checked ? "check" : "uncheck", el);
    else if (el.tagName === "SELECT") report("select", el, { values: Array.from(el.selectedOptions).map((o) => o.value) });
  }, true);
  window.addEventListener("keydown", (e) => {
    const el = e.target;
    if (el && isText(el) && (e.key === "Enter" || e.key === "Escape")) report("press", el, { key: e.key });
  }, true);
})();
