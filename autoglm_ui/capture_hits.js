  // ---- hits: what a user's pointer would reach at points of the drawn box --------------------------
  // (included into capture.js's closure by capture_script(); shares its helpers)
  // A control with pointer-events: none (a common disabled look) is skipped by hit tests, which then
  // find what lies beneath it. Whether the element hit is painted under the control follows CSS's
  // painting order, approximated from their branches below their common ancestor: a higher z-index
  // on top, then positioned over in-flow, then the later in document order.
  function paintLayer(node, stop) {
    let positioned = false, z = 0;
    for (let n = node; n && n !== stop; n = parentOf(n)) {
      const cs = getComputedStyle(n);
      if (cs.position !== "static") {
        positioned = true;
        const zi = parseInt(cs.zIndex, 10);
        if (!Number.isNaN(zi)) z = zi;
      }
    }
    return { positioned, z };
  }
  function paintedUnder(hit, el) {
    const above = new Set(ancestors(el));
    let common = null;
    for (let n = hit; n; n = parentOf(n)) if (above.has(n)) { common = n; break; }
    const h = paintLayer(hit, common), c = paintLayer(el, common);
    if (h.z !== c.z) return h.z < c.z;
    if (h.positioned !== c.positioned) return c.positioned;
    return !!(hit.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  }
  function probe(el, drawn, r, off) {
    const pts = [[0.5, 0.5], [0.2, 0.25], [0.8, 0.25], [0.2, 0.75], [0.8, 0.75]];
    const out = [];
    const frame = off.frame || null;
    const label = labelsOf(el);
    const seeThrough = getComputedStyle(el).pointerEvents === "none" || getComputedStyle(drawn).pointerEvents === "none";
    // the control-sized custom element it is part of (not an app shell that is one custom element)
    const host = hostOf(el);
    const hostBox = host ? host.getBoundingClientRect() : null;
    const component = hostBox && hostBox.height <= 120 && hostBox.width <= 640 ? host : null;
    for (const [fx, fy] of pts) {
      const x = r.x + r.width * fx, y = r.y + r.height * fy;
      if (x < 0 || y < 0 || x >= topWin.innerWidth || y >= topWin.innerHeight || r.width < 1 || r.height < 1) { out.push("outside"); continue; }
      let hit = document.elementFromPoint(x, y);
      // descend into iframes and shadow roots
      for (let i = 0; i < 8 && hit; i++) {
        if (hit.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (inner && inner !== hit) { hit = inner; continue; }
        }
        if ((hit.tagName === "IFRAME") && hit === frame) {
          let doc = null; try { doc = hit.contentDocument; } catch (e) { doc = null; }
          if (doc) { const inner = doc.elementFromPoint(x - off.x, y - off.y); if (inner) { hit = inner; continue; } }
        }
        break;
      }
      if (!hit) { out.push("none"); continue; }
      if (contains(el, hit) || contains(hit, el) || contains(drawn, hit) || label.some((l) => contains(l, hit))) { out.push("self"); continue; }
      if (drawn !== el && contains(hit, drawn)) { out.push("self"); continue; }
      // the custom element a control is part of draws it: its own shadow parts are not a cover
      if (component && contains(component, hit)) { out.push("self"); continue; }
      let fixed = false;
      for (let n = hit; n; n = parentOf(n)) { const p = getComputedStyle(n).position; if (p === "fixed" || p === "sticky") { fixed = true; break; } }
      if (!fixed && seeThrough && paintedUnder(hit, drawn)) { out.push("self"); continue; }
      out.push(fixed ? "other-fixed" : "other");
    }
    return out;
  }
