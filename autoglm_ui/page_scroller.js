  // ---- the page's own scrolling ------------------------------------------------------------------
  // The document's, or, in an app shell whose document does not scroll, the container carrying the
  // page's main content (a full-height `main { overflow: auto }`, a framework's content element):
  // below its fold is where a user scrolls to, as below the document's. Looked for from the page's
  // <main> and from the viewport's centre, outside dialogs. Shared by capture.js and the scroll
  // script of capture.py (both include this file).
  function findPageScroller() {
    const w = window, de = document.documentElement;
    const docScrolls = de.scrollHeight > w.innerHeight + 1 && getComputedStyle(de).overflowY !== "hidden";
    if (docScrolls) return null;
    const inDialog = (el) => !!(el.closest && el.closest("dialog, [role=dialog], [role=alertdialog], [aria-modal=true]"));
    const starts = [document.querySelector("main, [role=main]"), document.elementFromPoint(w.innerWidth / 2, w.innerHeight / 2)];
    for (const start of starts) {
      for (let p = start; p && p !== de; p = p.parentElement) {
        if (inDialog(p)) break;
        const oy = getComputedStyle(p).overflowY;
        if ((oy !== "auto" && oy !== "scroll") || p.scrollHeight <= p.clientHeight + 1) continue;
        const r = p.getBoundingClientRect();
        if (r.height >= 0.5 * w.innerHeight && r.width >= 0.5 * w.innerWidth) return p;
      }
    }
    return null;
  }
