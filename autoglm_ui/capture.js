// autoglm-ui capture: DOM facts of page controls in one round trip, returned as one JSON string.
// Called as page.evaluate(SOURCE, arg) with arg = {targets: [{query} | {handles}] | null,
// indices: number[] | null, all: bool, kinds: {index: kind} | null, target_kinds: (kind|null)[] | null,
// stash: bool}. Reads only: never writes to the DOM, never scrolls. With `stash` it leaves the
// described elements under window[Symbol.for("autoglm-ui.elements")] for the accessibility tree's
// join (accessibility.py takes and deletes that property right after the call).
(arg) => {
  const CONTROL_SELECTOR = [
    "button", "a[href]", "input:not([type=hidden])", "textarea", "select", "summary",
    "[role=button]", "[role=link]", "[role=checkbox]", "[role=radio]", "[role=switch]",
    "[role=textbox]", "[role=searchbox]", "[role=combobox]", "[role=tab]", "[role=spinbutton]",
    "[contenteditable=''], [contenteditable=true]",
  ].join(",");
  const TEXT_INPUTS = new Set(["text", "email", "password", "search", "tel", "url", "number", "date",
    "datetime-local", "month", "week", "time", ""]);
  const BUTTON_INPUTS = new Set(["button", "submit", "reset", "image"]);
  const topWin = window;

  // ---- walking documents, shadow roots and same-origin iframes --------------------------------
  function* walk(root, frameOffset) {
    const all = root.querySelectorAll("*");
    for (const el of all) {
      yield [el, frameOffset];
      if (el.shadowRoot) yield* walk(el.shadowRoot, frameOffset);
      if (el.tagName === "IFRAME" || el.tagName === "FRAME") {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc && doc.documentElement) {
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          const off = {
            x: frameOffset.x + r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft),
            y: frameOffset.y + r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
            frame: el,
          };
          yield* walk(doc, off);
        }
      }
    }
  }
  const parentOf = (el) => el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
  const ancestors = function* (el) {
    for (let p = parentOf(el); p; p = parentOf(p)) yield p;
  };
  // The rendered (flat) tree's ancestors: a slotted element sits in its slot, inside the shadow
  // tree's boxes, and is clipped by them (a grid cell's button by the grid's own scroller).
  const flatAncestors = function* (el) {
    for (let p = el.assignedSlot || parentOf(el); p; p = p.assignedSlot || parentOf(p)) yield p;
  };
  const contains = (a, b) => {  // does a contain b, crossing shadow roots
    for (let n = b; n; n = parentOf(n)) if (n === a) return true;
    return false;
  };

  // The control a custom element's host wraps: the first one inside its open shadow root, else in
  // its light DOM (a slotted native input), through nested hosts.
  // A host wrapping a field and buttons (a password field with its reveal button, a number field
  // with its steppers) stands for the field: the buttons are its accessories. A button or link laid
  // out nowhere while its host is (Vaadin's side-nav item keeps a display:none toggle button, and a
  // disabled item's link loses its href) is not what the host draws: the host stands for itself.
  function wrappedControl(h) {
    if (!h || !h.tagName || !h.tagName.includes("-")) return null;
    const origin = { x: 0, y: 0, frame: null };
    let first = null;
    for (const root of [h.shadowRoot, h]) {
      if (!root) continue;
      for (const [el] of walk(root, origin)) {
        if (!el.matches(CONTROL_SELECTOR) || formProxy(el)) continue;
        const kind = kindOf(el);
        if (!kind) continue;
        if (kind !== "button" && kind !== "link") return el;
        if (el.getClientRects().length === 0 && h.getClientRects().length > 0) continue;
        first = first || el;
      }
    }
    return first;
  }
  // A native input a web component keeps in its shadow root for form validation only: taken out of
  // the tab order and drawn nowhere (mdui's select keeps a radio so). Not a control of its own.
  function formProxy(el) {
    if (el.tagName !== "INPUT" || el.getAttribute("tabindex") !== "-1") return false;
    if (el.getRootNode() === el.ownerDocument) return false;
    const r = el.getBoundingClientRect();
    return r.width < 1 && r.height < 1;
  }
  // A field inside a component its tag names a select (a read-only text field showing the chosen
  // value, as mdui's select draws one): a sighted user sees a select.
  const SELECT_HOST = /-(select|combobox|combo-box|dropdown)$/;
  function insideSelectHost(el) {
    let depth = 0;
    for (const p of ancestors(el)) {
      if (p.tagName && SELECT_HOST.test(p.tagName.toLowerCase())) return true;
      if (++depth >= 8) break;
    }
    return false;
  }
  // A custom element that is operated itself (focusable, no native control inside): its role and
  // states live in ElementInternals or on the host, and the accessibility tree says which.
  function isCustomControlHost(el) {
    if (!el.tagName.includes("-") || !(el.tabIndex >= 0)) return false;
    if (el.getAttribute("aria-hidden") === "true") return false;
    return !wrappedControl(el);
  }

  // A custom element that heads an accordion panel itself (``x-accordion-header``, the summary of an
  // ``x-details``): what a sighted user operates to open the panel, whatever role its tree gives.
  const ACCORDION_PART = /(accordion|collaps|expansion|details|disclosure)[a-z-]*-(header|heading|title|summary|trigger|toggle)$|-(details|disclosure)-summary$/;
  function isAccordionHost(el) {
    return el.tagName.includes("-") && ACCORDION_PART.test(el.tagName.toLowerCase());
  }

  // An accordion header drawn as a plain clickable element (a div with a pointer cursor that a
  // click listener opens): the tree gives it no role, a sighted user operates it. Found here by its
  // look and place (the outermost element under the pointer cursor, short text, no control inside,
  // in an element named for an accordion or heading a panel); the click listener that makes it one
  // is confirmed through the DevTools protocol (clickable.py) before a scan or a name counts it.
  const HEADER_TAGS = new Set(["DIV", "SPAN", "LI", "DT", "P", "HEADER", "H1", "H2", "H3", "H4", "H5", "H6"]);
  const HEADER_CONTEXT = /accordion|collaps|expan|disclos|faq/i;
  const HEADING = "h1, h2, h3, h4, h5, h6, [role=heading]";
  function looksClickableHeader(el) {
    if (!HEADER_TAGS.has(el.tagName)) return false;
    // slotted into a web component (its heading slot is part of the component's own control)
    if (el.assignedSlot || (el.closest && el.closest(CONTROL_SELECTOR))) return false;
    const role = (el.getAttribute("role") || "").toLowerCase();
    if (role && role !== "heading" && role !== "presentation" && role !== "none") return false;
    if (getComputedStyle(el).cursor !== "pointer") return false;
    const p = parentOf(el);
    if (p && p.nodeType === 1 && getComputedStyle(p).cursor === "pointer") return false;
    const text = clean(el.textContent);
    if (!text || text.length > 120 || el.querySelector(CONTROL_SELECTOR)) return false;
    const r = el.getBoundingClientRect();
    if (r.height < 16 || r.height > 120 || r.width < 40) return false;
    let n = el;
    for (let i = 0; i < 4 && n && n.nodeType === 1; i++, n = parentOf(n)) {
      const cls = typeof n.className === "string" ? n.className : "";
      if (HEADER_CONTEXT.test(cls) || HEADER_CONTEXT.test(n.id || "")) return true;
    }
    const heading = el.matches(HEADING) ? el : (el.querySelector(HEADING) || (p && p.matches && p.matches(HEADING) ? p : null));
    return !!heading && !!((heading === p ? p : el).nextElementSibling);
  }
  // (clickable.py's CANDIDATES and CONFIRMED; present only while one capture runs)
  const CLICK_STASH = Symbol.for("autoglm-ui.click-candidates");
  const confirmedList = window[Symbol.for("autoglm-ui.clickable")];
  const confirmedClicks = new Set(confirmedList || []);

  // ---- kind and role ---------------------------------------------------------------------------
  function kindOf(el) {
    const role = (el.getAttribute("role") || "").trim().toLowerCase();
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (role === "switch") return "switch";
    if (role === "checkbox") return "checkbox";
    if (role === "radio") return "radio";
    if (role === "tab") return "tab";
    if (role === "textbox" || role === "searchbox" || role === "spinbutton") return "textbox";
    if (role === "combobox" || role === "listbox") return "select";
    if (role === "link") return "link";
    if (tag === "summary") return "accordion";
    if (role === "button" || tag === "button" || (tag === "input" && BUTTON_INPUTS.has(type))) {
      // a button that opens a listbox is the select-only combobox pattern: a sighted user sees a select
      if ((el.getAttribute("aria-haspopup") || "").toLowerCase() === "listbox") return "select";
      // a toggle that a form label names (<label for>) is a form field that drops a list: a select
      if (el.hasAttribute("aria-expanded") && el.labels && el.labels.length) return "select";
      if (el.hasAttribute("aria-expanded") && isAccordionHeader(el)) return "accordion";
      return "button";
    }
    if (tag === "a") return "link";
    if (tag === "input" && type === "checkbox") return "checkbox";
    if (tag === "input" && type === "radio") return "radio";
    if (tag === "input" && (TEXT_INPUTS.has(type) || !type)) return "textbox";
    if (tag === "textarea") return "textbox";
    if (tag === "select") return "select";
    if (el.isContentEditable) return "textbox";
    return null;
  }
  // A disclosure button that heads a panel below it. One inside navigation or a page header opens a
  // menu (a nav dropdown, a banner's "how you know"), whatever its class says; one inside a custom
  // element named for an accordion (a shadow root's header button) is an accordion header.
  function isAccordionHeader(el) {
    const sectioning = /^(article|aside|main|nav|section)$/;
    for (const p of ancestors(el)) {
      const t = p.tagName.toLowerCase();
      const role = p.getAttribute("role");
      if (t === "nav" || role === "navigation" || role === "banner" || role === "menubar") return false;
      // <header> is the page's banner unless it heads an article, a section or the like
      if (t === "header" && ![...ancestors(p)].some((q) => sectioning.test(q.tagName.toLowerCase()))) return false;
    }
    for (const p of ancestors(el)) {
      const t = p.tagName.toLowerCase();
      if (/^h[1-6]$/.test(t) || p.getAttribute("role") === "heading") return true;
      const cls = (p.className && typeof p.className === "string") ? p.className : "";
      if (/accordion|collapse-title|collapsible/i.test(cls)) return true;
      if (t.includes("-") && /accordion|collaps|expansion|details|disclosure/.test(t)) return true;
      if (t === "body" || t === "form" || t === "section" || t === "main") return false;
    }
    return /accordion|collapse/i.test(typeof el.className === "string" ? el.className : "");
  }

  // ---- names -----------------------------------------------------------------------------------
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim();
  function byId(el, id) {
    const root = el.getRootNode();
    return (root.getElementById ? root.getElementById(id) : null) || el.ownerDocument.getElementById(id);
  }
  function labelsOf(el) {
    const out = [];
    if (el.labels) for (const l of el.labels) out.push(l);
    return out;
  }
  function labelText(el) {
    return clean(labelsOf(el).map((l) => l.innerText || l.textContent).join(" "));
  }
  function accessibleName(el, kind) {
    const lb = el.getAttribute("aria-labelledby");
    if (lb) {
      const t = clean(lb.split(/\s+/).map((id) => { const n = byId(el, id); return n ? (n.innerText || n.textContent) : ""; }).join(" "));
      if (t) return t;
    }
    const al = clean(el.getAttribute("aria-label"));
    if (al) return al;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (tag === "input" && BUTTON_INPUTS.has(type)) return clean(el.value || el.getAttribute("alt") || type);
    const lt = labelText(el);
    if (lt) return lt;
    if (kind !== "textbox" && kind !== "select") {
      const t = clean(el.innerText || el.textContent);
      if (t) return t;
    }
    const title = clean(el.getAttribute("title"));
    if (title) return title;
    const img = el.querySelector && el.querySelector("img[alt], svg[aria-label]");
    if (img) return clean(img.getAttribute("alt") || img.getAttribute("aria-label"));
    return clean(el.getAttribute("placeholder"));
  }

  // The name a user reads for a control: the accessibility tree's where it has one, else the
  // markup's; a control inside a custom element's shadow root with no name of its own is named by
  // its host (the host's label text is slotted in).
  function nameOf(el, kind) {
    const tree = axOf.has(el) ? clean(axOf.get(el).name) : "";
    if (tree) return tree;
    const own = accessibleName(el, kind);
    if (own) return own;
    const host = hostOf(el);
    if (!host) return own;
    const hostTree = axOf.has(host) ? clean(axOf.get(host).name) : "";
    return hostTree || clean(host.getAttribute("label")) || accessibleName(host, "button").slice(0, 120);
  }
  // The custom element a control is part of (its shadow host, or a custom element around it).
  function hostOf(el) {
    let depth = 0;
    for (const p of ancestors(el)) {
      if (p.tagName && p.tagName.includes("-")) return p;
      if (++depth >= 4) break;
    }
    return null;
  }

  // ---- geometry and paint ----------------------------------------------------------------------
  const rectOf = (el, off) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + off.x, y: r.top + off.y, width: r.width, height: r.height };
  };
  // Both walk up the ancestors; one capture asks for the same element's more than once (its
  // facts, its peers' looks), so each is kept for the rest of the call, when styles do not change.
  const opacities = new Map(), backgrounds = new Map();
  function effectiveOpacity(el) {
    if (opacities.has(el)) return opacities.get(el);
    let o = 1;
    for (let n = el; n; n = parentOf(n)) o *= parseFloat(getComputedStyle(n).opacity || "1");
    opacities.set(el, o);
    return o;
  }
  // A computed colour that paints nothing (transparent, or alpha 0).
  const clear = (c) => !c || c === "transparent" || /rgba\(.*,\s*0\)$/.test(c);
  function effectiveBackground(el) {
    if (backgrounds.has(el)) return backgrounds.get(el);
    let found = "rgb(255, 255, 255)";
    for (let n = el; n; n = parentOf(n)) {
      const bg = getComputedStyle(n).backgroundColor;
      if (!clear(bg)) { found = bg; break; }
    }
    backgrounds.set(el, found);
    return found;
  }
  // An ancestor that hides what it holds: a clip/clip-path box, or a clipping box of 1-2 px.
  function wrapperHidden(el) {
    for (const p of flatAncestors(el)) {  // a slotted element is clipped by the wrappers of its slot
      if (p === document.body || p === document.documentElement) break;
      const cs = getComputedStyle(p);
      const clip = cs.clip || "auto", cp = cs.clipPath || "none";
      if (/rect\(\s*0(px)?[, ]+0(px)?[, ]+0(px)?[, ]+0(px)?\s*\)/.test(clip) || /rect\(1px,?\s*1px,?\s*1px,?\s*1px\)/.test(clip)) return true;
      if (/inset\(\s*50%/.test(cp) || /circle\(\s*0/.test(cp)) return true;
      if (cs.overflow !== "visible" && cs.position !== "static") {
        const r = p.getBoundingClientRect();
        if (r.width < 2.5 && r.height < 2.5) return true;
      }
    }
    return false;
  }
  function paintHidden(el, r) {
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse") return "visibility";
    if (r.width * r.height < 2.5 || r.width < 1.5 || r.height < 1.5) return "size";
    if (effectiveOpacity(el) < 0.05) return "opacity";
    const clip = cs.clip || "auto";
    if (/rect\(\s*0(px)?[, ]+0(px)?[, ]+0(px)?[, ]+0(px)?\s*\)/.test(clip) || /rect\(1px,?\s*1px,?\s*1px,?\s*1px\)/.test(clip)) return "clip";
    const cp = cs.clipPath || "none";
    if (/inset\(\s*50%/.test(cp) || /circle\(\s*0/.test(cp)) return "clip";
    if (wrapperHidden(el)) return "clip";
    return null;
  }
  function displayedAtAll(el) {  // false when an ancestor is display:none or a closed <details>
    if (!el.isConnected) return false;
    if (el.checkVisibility) return el.checkVisibility({ checkVisibilityCSS: false });
    return el.getClientRects().length > 0;
  }
  // A small painted box (the drawn box or track: a border, a background or a shadow) represents a
  // check control better than a whole label row, whose crop would shrink the box to a few pixels;
  // an icon or a text span is not a drawing.
  // Whether a computed style paints a box: a background, a border, a shadow or a background image.
  function paintsBox(cs) {
    const bg = cs.backgroundColor;
    const hasBg = !clear(bg);
    const hasBorder = parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== "none";
    return hasBg || hasBorder || cs.boxShadow !== "none" || cs.backgroundImage !== "none";
  }
  function isPaintedBox(c, off) {
    const rc = rectOf(c, off);
    if (rc.width < 6 || rc.height < 6 || rc.width > 120 || rc.height > 80 || rc.width > 4.5 * rc.height) return false;
    if (paintHidden(c, rc)) return false;
    const paints = paintsBox;
    if (paints(getComputedStyle(c))) return true;
    // a box drawn by the element's ::before or ::after (the custom checkbox of many libraries); an
    // element holding text as well is a row (box and label), not the box
    if ((c.textContent || "").trim()) return false;
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(c, pseudo);
      if (ps.content !== "none" && ps.content !== "normal" && ps.display !== "none" && paints(ps)) return true;
    }
    return false;
  }

  // The element that draws a control: itself, or for a visually hidden native input, its label or
  // a sibling that paints the custom box (appearance:none widgets, "peer" patterns, shadow parts).
  function drawnElement(el, kind, off) {
    const r = rectOf(el, off);
    if (!["checkbox", "radio", "switch"].includes(kind)) return el;
    // a native input moved off the page (left: -999em) while its label draws the box is hidden too
    const offPage = documentPlacement(r, el).inDocument < 0.05 && labelsOf(el).length > 0;
    if (!paintHidden(el, r) && !offPage) return el;
    if (!displayedAtAll(el)) return el;
    let wrapper = null;
    for (const p of ancestors(el)) { if (p.tagName === "LABEL") { wrapper = p; break; } }
    const near = [el.nextElementSibling, el.previousElementSibling];
    const inside = wrapper ? Array.from(wrapper.querySelectorAll("*")) : [];
    // a native input slotted into a web component is drawn inside the component's shadow root
    const host = el.parentElement && el.parentElement.shadowRoot ? el.parentElement : null;
    const shadowParts = host ? Array.from(host.shadowRoot.querySelectorAll("*")) : [];
    const cands = [];
    for (const c of [...near, ...inside, ...shadowParts]) if (c && c !== el && !cands.includes(c) && isPaintedBox(c, off)) cands.push(c);
    if (wrapper) cands.push(wrapper);
    for (const l of labelsOf(el)) cands.push(l);
    if (el.nextElementSibling) cands.push(el.nextElementSibling);
    if (el.previousElementSibling) cands.push(el.previousElementSibling);
    for (const c of cands) {
      if (c === el) continue;
      const rc = rectOf(c, off);
      if (!paintHidden(c, rc)) return c;
    }
    return el;
  }
  // @include page_scroller.js
  const pageScroller = findPageScroller();
  const inPageScroller = (el) => !!pageScroller && contains(pageScroller, el);

  // Scroll containers between the element and its document: how much of the box they show (the
  // page's own scroll container, in an app shell, clips no more than the document does).
  function containerClip(el, r, off) {
    let vis = { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height };
    let clippedBy = null;
    for (const p of flatAncestors(el)) {
      if (p === el.ownerDocument.documentElement || p === el.ownerDocument.body) break;
      if (p === pageScroller) continue;
      const cs = getComputedStyle(p);
      const ox = cs.overflowX, oy = cs.overflowY;
      const clips = (v) => v === "hidden" || v === "auto" || v === "scroll" || v === "clip";
      if (!clips(ox) && !clips(oy)) continue;
      const pr = p.getBoundingClientRect();
      const box = { x0: pr.left + off.x + p.clientLeft, y0: pr.top + off.y + p.clientTop };
      box.x1 = box.x0 + p.clientWidth; box.y1 = box.y0 + p.clientHeight;
      const before = (vis.x1 - vis.x0) * (vis.y1 - vis.y0);
      if (clips(ox)) { vis.x0 = Math.max(vis.x0, box.x0); vis.x1 = Math.min(vis.x1, box.x1); }
      if (clips(oy)) { vis.y0 = Math.max(vis.y0, box.y0); vis.y1 = Math.min(vis.y1, box.y1); }
      if (vis.x1 < vis.x0) vis.x1 = vis.x0;
      if (vis.y1 < vis.y0) vis.y1 = vis.y0;
      const after = (vis.x1 - vis.x0) * (vis.y1 - vis.y0);
      if (after < before - 0.5 && !clippedBy) {
        clippedBy = (cs.overflowX === "hidden" || cs.overflowY === "hidden" || cs.overflowX === "clip") ? "overflow-hidden" : "scroll";
      }
    }
    const area = Math.max(r.width * r.height, 1e-6);
    const shown = (vis.x1 - vis.x0) * (vis.y1 - vis.y0);
    const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
    const centreShown = cx >= vis.x0 && cx <= vis.x1 && cy >= vis.y0 && cy <= vis.y1 && shown > 0;
    return { ratio: Math.max(0, Math.min(1, shown / area)), clippedBy, centreShown };
  }
  // Where the box sits in the page's scrollable area (a user can scroll there): the top-level
  // document's, or the page scroller's content for a control inside it.
  function documentPlacement(r, el) {
    if (el && inPageScroller(el)) {
      const s = pageScroller, sr = s.getBoundingClientRect();
      const cx = sr.left + s.clientLeft, cy = sr.top + s.clientTop;
      const x0 = r.x - cx + s.scrollLeft, y0 = r.y - cy + s.scrollTop, x1 = x0 + r.width, y1 = y0 + r.height;
      const docW = Math.max(s.scrollWidth, s.clientWidth), docH = Math.max(s.scrollHeight, s.clientHeight);
      const inDoc = Math.max(0, Math.min(docW, x1) - Math.max(0, x0)) * Math.max(0, Math.min(docH, y1) - Math.max(0, y0));
      const vx0 = Math.max(cx, 0, r.x), vy0 = Math.max(cy, 0, r.y);
      const vx1 = Math.min(cx + s.clientWidth, topWin.innerWidth, r.x + r.width);
      const vy1 = Math.min(cy + s.clientHeight, topWin.innerHeight, r.y + r.height);
      const inView = Math.max(0, vx1 - vx0) * Math.max(0, vy1 - vy0);
      const area = Math.max(r.width * r.height, 1e-6);
      return { inDocument: Math.min(1, inDoc / area), inViewport: Math.min(1, inView / area), docX: x0, docY: y0,
        docWidth: docW, docHeight: docH, scroller: true };
    }
    const de = document.documentElement;
    const sx = topWin.scrollX, sy = topWin.scrollY;
    const docW = Math.max(de.scrollWidth, document.body ? document.body.scrollWidth : 0, topWin.innerWidth);
    const docH = Math.max(de.scrollHeight, document.body ? document.body.scrollHeight : 0, topWin.innerHeight);
    const x0 = r.x + sx, y0 = r.y + sy, x1 = x0 + r.width, y1 = y0 + r.height;
    const ix0 = Math.max(0, x0), iy0 = Math.max(0, y0), ix1 = Math.min(docW, x1), iy1 = Math.min(docH, y1);
    const inDoc = Math.max(0, ix1 - ix0) * Math.max(0, iy1 - iy0) / Math.max(r.width * r.height, 1e-6);
    const vx0 = Math.max(0, r.x), vy0 = Math.max(0, r.y);
    const vx1 = Math.min(topWin.innerWidth, r.x + r.width), vy1 = Math.min(topWin.innerHeight, r.y + r.height);
    const inView = Math.max(0, vx1 - vx0) * Math.max(0, vy1 - vy0) / Math.max(r.width * r.height, 1e-6);
    return { inDocument: Math.min(1, inDoc), inViewport: Math.min(1, inView), docX: x0, docY: y0, docWidth: docW, docHeight: docH };
  }
  // @include capture_hits.js
  function transformInfo(el) {
    let scale = 1, translated = false;
    for (let n = el; n; n = parentOf(n)) {
      const t = getComputedStyle(n).transform;
      if (t && t !== "none") {
        const m = t.match(/matrix\(([^)]+)\)/);
        if (m) {
          const v = m[1].split(",").map(parseFloat);
          scale *= Math.sqrt(v[0] * v[0] + v[1] * v[1]) || 0;
          if (Math.abs(v[4]) > 0.5 || Math.abs(v[5]) > 0.5) translated = true;
        } else { translated = true; }
      }
    }
    return { scale, translated };
  }
  const classTokens = (n) => (n && typeof n.className === "string") ? n.className : ((n && n.getAttribute && n.getAttribute("class")) || "");

  // Every painted border side as [width, colour] (top, right, bottom, left): an underline, a left
  // bar or an overline carries state as often as a full border does.
  function borderSides(cs) {
    return ["Top", "Right", "Bottom", "Left"].map((side) => {
      const style = cs["border" + side + "Style"];
      const width = style === "none" || style === "hidden" ? 0 : parseFloat(cs["border" + side + "Width"]) || 0;
      return [width, cs["border" + side + "Color"]];
    });
  }

  // The colour of the first box-shadow (a focus or error ring is often only that), or "none".
  function shadowColour(cs) {
    const s = cs.boxShadow;
    if (!s || s === "none") return "none";
    const m = s.match(/(rgba?|color|oklch|lch)\([^)]*\)/);
    return m ? m[0] : "none";
  }

  // What is drawn inside the drawn box, as [width, height] of each painted mark: visible element
  // children without text (an svg tick, a dot, a spinner) and ::before/::after boxes. A checkmark
  // hidden by CSS leaves the box with no mark even though the input is checked. A child holding
  // text (a button's label span) is content, not a mark.
  function marksOf(drawnEl) {
    const out = [];
    for (const c of drawnEl.children || []) {
      if ((c.textContent || "").trim()) continue;
      const r = c.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      if (c.checkVisibility && !c.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      out.push([r.width, r.height]);
    }
    for (const pseudo of ["::before", "::after"]) {
      const ps = getComputedStyle(drawnEl, pseudo);
      if (ps.content === "none" || ps.content === "normal" || ps.display === "none") continue;
      if (ps.visibility === "hidden" || parseFloat(ps.opacity) === 0) continue;
      const w = parseFloat(ps.width), h = parseFloat(ps.height);
      if (w >= 1 && h >= 1) out.push([w, h]);
    }
    return out.slice(0, 6);
  }

  // A link in a tab bar is a tab: a row of links (two or more, one line) in an element its class or
  // role names a tab bar, as many libraries draw page-level tabs without role=tab.
  const TAB_BAR = /(^|[\s_-])(tabs?|tab-?bar|tab-?list|tabnav)([\s_-]|$)/i;
  function tabBarOf(el) {
    let depth = 0;
    for (const p of ancestors(el)) {
      if (++depth > 3) break;
      const cls = typeof p.className === "string" ? p.className : "";
      if (!TAB_BAR.test(cls) && p.getAttribute("role") !== "tablist") continue;
      const links = Array.from(p.querySelectorAll("a[href]")).filter((a) => displayedAtAll(a));
      if (links.length < 2 || !links.includes(el)) return null;
      const tops = links.map((a) => Math.round(a.getBoundingClientRect().top));
      return Math.max(...tops) - Math.min(...tops) <= 4 ? p : null;
    }
    return null;
  }
  // A link drawn as a button is a button: the kind a user sees. Its box is a fill, a frame on all
  // four sides or an inset ring (an outline button), around padded text of a button's height.
  // Navigation, tab and menu items stay links (a current nav item is filled, not a button). Text
  // drawn without a box gives no cue either way and keeps the kind its role gives.
  const NAV_LIKE = "nav, [role=navigation], [role=tablist], [role=menu], [role=menubar], [role=listbox], [role=tree]";
  function linkDrawnAsButton(el, r) {
    if (el.closest && el.closest(NAV_LIKE)) return false;
    const cs = getComputedStyle(el);
    const filled = !clear(cs.backgroundColor);
    const framed = ["Top", "Right", "Bottom", "Left"].every((side) =>
      (parseFloat(cs["border" + side + "Width"]) || 0) >= 1 && !["none", "hidden"].includes(cs["border" + side + "Style"])
      && !clear(cs["border" + side + "Color"]));
    const ring = /inset/.test(cs.boxShadow) && !/rgba\([^)]*,\s*0\)/.test(cs.boxShadow);
    const padded = (parseFloat(cs.paddingLeft) || 0) >= 6 && (parseFloat(cs.paddingRight) || 0) >= 6;
    return (filled || framed || ring) && padded && r.height >= 20 && r.height <= 80 && r.width >= r.height;
  }

  // Endlessly repeating CSS animations on the control, the box that draws it, or anything inside
  // them (a spinner turns, a skeleton shimmers): evidence of "busy" that one screenshot cannot
  // show. Paused ones count too: the page attached them to repeat. SMIL inside an image does not.
  function loopsOf(el, drawnEl) {
    const loops = new Set();
    for (const root of new Set([el, drawnEl])) {
      if (!root.getAnimations) continue;
      for (const a of root.getAnimations({ subtree: true })) {
        const timing = a.effect && a.effect.getTiming ? a.effect.getTiming() : null;
        if (timing && timing.iterations === Infinity && a.playState !== "idle") loops.add(a);
      }
    }
    return loops.size;
  }

  // ---- relations to other elements (capture_relations.js) -------------------------------------
  // @include capture_relations.js

  // ---- facts of one control --------------------------------------------------------------------
  function describe(el, off, kind) {
    const r = rectOf(el, off);
    const drawnEl = drawnElement(el, kind, off);
    const dr = drawnEl === el ? r : rectOf(drawnEl, off);
    // the kind a user sees: a checkbox drawn as a track (a box about twice as wide as it is high,
    // not a label row) is a switch, whatever its input says
    // (the element itself paints the track: a box drawn by its ::before has other bounds than its own)
    if (kind === "checkbox" && drawnEl !== el && drawnEl.tagName !== "LABEL" && !(drawnEl.textContent || "").trim()
        && paintsBox(getComputedStyle(drawnEl))
        && dr.height >= 10 && dr.height <= 40 && dr.width >= 1.5 * dr.height && dr.width <= 2.6 * dr.height) {
      kind = "switch";
    }
    if (kind === "link" && tabBarOf(el)) kind = "tab";
    if (kind === "link" && linkDrawnAsButton(el, r)) kind = "button";
    const cs = getComputedStyle(el);
    const dcs = getComputedStyle(drawnEl);
    const attr = (n) => el.getAttribute(n);
    const tag = el.tagName.toLowerCase();
    let fieldsetDisabled = false, inert = false, ariaHiddenAncestor = false, closedDetails = false;
    for (const p of ancestors(el)) {
      if (p.tagName === "FIELDSET" && p.disabled) fieldsetDisabled = true;
      if (p.inert || p.hasAttribute("inert")) inert = true;
      if (p.getAttribute("aria-hidden") === "true") ariaHiddenAncestor = true;
      if (p.tagName === "DETAILS" && !p.open && !(tag === "summary" && p === el.parentElement)) closedDetails = true;
    }
    const cc = containerClip(drawnEl, dr, off);
    const placement = documentPlacement(dr, drawnEl);
    let details = null;
    if (tag === "summary" && el.parentElement && el.parentElement.tagName === "DETAILS") details = el.parentElement.open;
    let validity = null;  // a custom element with ElementInternals that is not form-associated throws here
    try { validity = el.validity ? el.validity.valid : null; } catch (e) { validity = null; }
    let userInvalid = null;
    try { userInvalid = el.matches(":user-invalid"); } catch (e) { userInvalid = null; }
    const spinner = el.querySelector ? !!el.querySelector(".spinner, .spinner-border, .spinner-grow, .loading, [class*=spin], [class*=loader], [role=progressbar], [role=status]") : false;
    const tf = transformInfo(el);
    return {
      tag, type: (attr("type") || "").toLowerCase(), role: (attr("role") || "").toLowerCase(), kind,
      name: nameOf(el, kind),
      label: labelText(el),
      text: clean(el.innerText || el.textContent).slice(0, 200),
      placeholder: clean(attr("placeholder")),
      testid: attr("data-testid") || attr("data-test-id") || attr("data-test") || "",
      id: el.id || "",
      value: (tag === "input" || tag === "textarea" || tag === "select") ? String(el.value || "").slice(0, 100) : "",
      in_frame: !!off.frame, in_shadow: el.getRootNode() !== el.ownerDocument,
      attrs: {
        disabled: !!el.disabled || el.hasAttribute("disabled"), fieldset_disabled: fieldsetDisabled,
        matches_disabled: (() => { try { return el.matches(":disabled"); } catch (e) { return false; } })(),
        aria_disabled: attr("aria-disabled"), aria_checked: attr("aria-checked"), aria_pressed: attr("aria-pressed"),
        aria_expanded: attr("aria-expanded"), aria_selected: attr("aria-selected"), aria_busy: attr("aria-busy"),
        aria_invalid: attr("aria-invalid"), aria_readonly: attr("aria-readonly"), aria_hidden: attr("aria-hidden"),
        aria_haspopup: attr("aria-haspopup"), aria_required: attr("aria-required"),
        aria_hidden_ancestor: ariaHiddenAncestor, inert,
        readonly: el.hasAttribute("readonly") || !!el.readOnly, required: el.hasAttribute("required"),
        checked: (typeof el.checked === "boolean") ? el.checked : null,
        indeterminate: (typeof el.indeterminate === "boolean") ? el.indeterminate : null,
        valid: validity, user_invalid: userInvalid, details_open: details, closed_details: closedDetails,
        contenteditable: !!el.isContentEditable, spinner_inside: spinner,
        href: tag === "a" ? !!attr("href") : null,
      },
      classes: classTokens(el).slice(0, 300),
      drawn_classes: drawnEl === el ? "" : classTokens(drawnEl).slice(0, 300),
      parent_classes: classTokens(parentOf(el)).slice(0, 200),
      style: {
        display: cs.display, visibility: cs.visibility, opacity: parseFloat(cs.opacity),
        effective_opacity: effectiveOpacity(drawnEl), pointer_events: cs.pointerEvents, cursor: cs.cursor,
        filter: cs.filter, color: dcs.color, background: effectiveBackground(drawnEl),
        border_color: dcs.borderTopColor, border_width: parseFloat(dcs.borderTopWidth) || 0,
        border_sides: borderSides(dcs), shadow_color: shadowColour(dcs),
        outline: dcs.outlineStyle !== "none" ? dcs.outlineColor : "none", box_shadow: dcs.boxShadow !== "none",
        text_decoration: dcs.textDecorationLine, accent_color: cs.accentColor, appearance: cs.appearance,
        transform_scale: tf.scale, translated: tf.translated, clip: cs.clip, clip_path: cs.clipPath,
        position: cs.position, font_size: parseFloat(cs.fontSize) || 0,
        font_weight: parseFloat(cs.fontWeight) || 400,
        marks: marksOf(drawnEl), loops: loopsOf(el, drawnEl),
        inner_box: checkBoxFacts(drawnEl, kind, off),
      },
      box: r, drawn: dr, drawn_is_self: drawnEl === el, drawn_tag: drawnEl.tagName.toLowerCase(),
      paint_hidden: paintHidden(drawnEl, dr), self_paint_hidden: paintHidden(el, r),
      displayed: displayedAtAll(el),
      container_visible_ratio: cc.ratio, clipped_by: cc.clippedBy, centre_shown: cc.centreShown,
      in_document: placement.inDocument, in_viewport: placement.inViewport,
      doc_x: placement.docX, doc_y: placement.docY, in_page_scroller: !!placement.scroller,
      hits: probe(el, drawnEl, dr, off),
      popup: popupOf(el, kind), tabs: tabSiblings(el, kind), peers: peersOf(el, kind, off),
    };
  }

  // ---- enumerate, resolve, describe ------------------------------------------------------------
  const controls = [];
  const seen = new Set();
  const unresolved = new Set();  // elements whose kind no markup rule gives: the tree's role decides
  const kinds = arg.kinds || {};
  // the accessibility tree's controls, handed over by accessibility.stash_tree_controls
  const axFacts = arg.ax || [];
  const axKey = Symbol.for("autoglm-ui.ax-elements");
  const axEls = axFacts.length ? (window[axKey] || []) : [];  // accessibility.forget_tree deletes it
  const axOf = new Map();
  axEls.forEach((el, i) => { if (el && el.nodeType === 1 && axFacts[i]) axOf.set(el, axFacts[i]); });
  let customElements = 0;  // a page without any needs no accessibility tree to find its controls
  const clickCandidates = [];  // clickable-looking headers whose listener Python checks
  const findsByLook = !!arg.all || (arg.targets || []).some((t) => t.query !== undefined);
  for (const [el, off] of walk(document, { x: 0, y: 0, frame: null })) {
    if (el.localName.includes("-")) customElements += 1;
    let kind = null;
    if (el.matches(CONTROL_SELECTOR)) kind = formProxy(el) ? null : kindOf(el);
    if (kind === "textbox" && insideSelectHost(el)) kind = "select";
    if (axFacts.length) {
      // the tree decides between a custom element's host and what it wraps: a host the tree calls
      // a control is the control, and an inner element the tree ignores is part of it
      if (axOf.has(el) && el.tagName.includes("-")) kind = axOf.get(el).kind;
      else if (!kind && axOf.has(el) && !wrappedControl(el)) kind = axOf.get(el).kind;
      else if (kind && !axOf.has(el) && hostOf(el) && axOf.has(hostOf(el))) continue;
      if ((!kind || kind === "button") && isAccordionHost(el) && isCustomControlHost(el)) kind = "accordion";
      // a focusable custom element the tree left out (an inert page behind a modal dialog keeps no
      // roles): its kind is settled in Python, from the tree's node or the element's tag name
      if (!kind && !axOf.has(el) && isCustomControlHost(el)) { kind = "button"; unresolved.add(el); }
    } else if (!kind && isCustomControlHost(el)) {
      if (isAccordionHost(el)) kind = "accordion";
      else { kind = "button"; unresolved.add(el); }
    }
    if (!kind && findsByLook && looksClickableHeader(el)) {
      if (confirmedClicks.has(el)) kind = "accordion";
      else if (!confirmedList) clickCandidates.push(el);
    }
    if (!kind) continue;
    // a native input inside a control we already hold (e.g. input in [role=switch]) is that control
    let inner = false;
    for (const p of ancestors(el)) if (seen.has(p) && p.getAttribute("role")) { inner = true; break; }
    if (inner) continue;
    seen.add(el);
    controls.push([el, off, kind]);
  }

  const view = {
    url: location.href, scroll_x: topWin.scrollX, scroll_y: topWin.scrollY,
    width: topWin.innerWidth, height: topWin.innerHeight, dpr: topWin.devicePixelRatio,
    doc_width: document.documentElement.scrollWidth, doc_height: document.documentElement.scrollHeight,
    page_scroller: pageScroller ? (() => {
      const s = pageScroller, sr = s.getBoundingClientRect();
      return { x: sr.left + s.clientLeft, y: sr.top + s.clientTop, width: s.clientWidth, height: s.clientHeight,
        scroll_x: s.scrollLeft, scroll_y: s.scrollTop };
    })() : null,
  };
  const index = new Map(controls.map((c, i) => [c[0], i]));
  const brief = (c, i) => {
    const [el, off, kind] = c;
    return { index: i, kind, name: nameOf(el, kind), label: labelText(el),
      text: clean(el.innerText || el.textContent).slice(0, 80), placeholder: clean(el.getAttribute("placeholder")),
      testid: el.getAttribute("data-testid") || "", box: rectOf(el, off), rendered: displayedAtAll(el) && !paintHidden(el, rectOf(el, off)) };
  };

  let picked = [];
  let resolutions = null;
  let briefs = null;
  const getBriefs = () => (briefs = briefs || controls.map(brief));
  const adopt = (h) => {  // index of a handle's control, adding it when it is not one we enumerated
    if (index.has(h)) return index.get(h);
    let kind = kindOf(h);
    if (!kind) {
      const inner = wrappedControl(h);  // a custom element's host stands for the control it wraps
      if (inner && index.has(inner)) return index.get(inner);
      if (inner) { h = inner; kind = kindOf(inner); }
    }
    if (kind === "textbox" && insideSelectHost(h)) kind = "select";
    if (!kind && (isAccordionHost(h) || looksClickableHeader(h))) kind = "accordion";
    if (!kind) { kind = "button"; unresolved.add(h); }  // the accessibility tree may know its role
    let off = { x: 0, y: 0, frame: null };
    const win = h.ownerDocument && h.ownerDocument.defaultView;
    if (h.ownerDocument !== document && win && win.frameElement) {
      const fe = win.frameElement, fr = fe.getBoundingClientRect();
      off = { x: fr.left, y: fr.top, frame: fe };
    }
    controls.push([h, off, kind]); index.set(h, controls.length - 1);
    if (briefs) briefs.push(brief(controls[controls.length - 1], controls.length - 1));
    return controls.length - 1;
  };
  const byQuery = (query) => {
    const q = clean(query), ql = q.toLowerCase();
    const bs = getBriefs();
    const fields = ["name", "label", "text", "placeholder", "testid"];
    const modes = [(v) => v === q, (v) => v.toLowerCase() === ql, (v) => ql.length > 0 && v.toLowerCase().includes(ql)];
    let tier = [];
    outer: for (const m of modes) for (const f of fields) {
      tier = bs.filter((b) => b[f] && m(b[f]));
      if (tier.length) break outer;
    }
    if (tier.length > 1) {
      const rendered = tier.filter((b) => b.rendered);
      if (rendered.length === 1) tier = rendered;
    }
    if (tier.length === 1) return { index: tier[0].index };
    return { index: null, reason: tier.length ? "many" : "none", candidates: tier.length ? tier : bs };
  };
  const byHandles = (hs) => {
    const live = hs.filter((h) => h && h.isConnected);
    if (hs.length === 1 && live.length === 0) return { index: null, reason: "detached", candidates: [] };
    if (live.length === 1) return { index: adopt(live[0]) };
    const idx = live.map(adopt);
    return { index: null, reason: live.length ? "many" : "none", candidates: idx.map((i) => brief(controls[i], i)) };
  };
  if (arg.targets) {
    resolutions = arg.targets.map((t) => (t.handles ? byHandles(t.handles) : byQuery(t.query)));
    picked = resolutions.map((r) => r.index);
  } else if (arg.indices) {
    picked = arg.indices.map((i) => (i >= 0 && i < controls.length ? i : null));
  } else if (arg.all) {
    picked = controls.map((_, i) => i);
  }
  const targetKinds = arg.target_kinds || [];
  const describeSafely = (i, k) => {
    const [el, off] = controls[i];
    const given = targetKinds[k] || kinds[i];  // the kind the accessibility tree gave (a second pass)
    const kind = given || controls[i][2];
    try {
      const facts = describe(el, off, kind);
      if (axOf.has(el)) facts.ax = axOf.get(el);
      return Object.assign({ index: i, kind_unresolved: !given && unresolved.has(el) }, facts);
    } catch (e) {  // one odd element never fails the page: it is reported with the reason
      return { index: i, kind, error: String(e && e.message || e).slice(0, 300), box: rectOf(el, off) };
    }
  };
  const described = picked.map((i, k) => (i === null ? null : describeSafely(i, k)));
  // Whether anything on the page stays in place while the window scrolls (a rendered element with
  // position fixed or sticky): only then must a window below the fold leave room above its
  // controls for a header (capture_windows.py). Looked for only when a control lies below the fold.
  const pinnedOnPage = () => {
    for (const [el] of walk(document, { x: 0, y: 0, frame: null })) {
      const p = getComputedStyle(el).position;
      if ((p === "fixed" || p === "sticky") && el.getClientRects().length) return true;
    }
    return false;
  };
  const belowFold = described.some((d) => d && d.displayed && d.in_document > 0.5 && d.in_viewport < 0.999);
  view.pinned = belowFold ? pinnedOnPage() : null;
  // The accessibility tree is read for controls that are custom elements or live in a shadow root:
  // for a native control in the light DOM it says what the attributes say (measured on 1,859 of
  // them, every facet equal), and its round trips are saved.
  const component = (el) => el.localName.includes("-") || el.getRootNode() !== el.ownerDocument;
  const joined = picked.map((i) => (i !== null && !axOf.has(controls[i][0]) && component(controls[i][0])
    ? controls[i][0] : null));
  const stashed = joined.filter((el) => el !== null).length;
  if (arg.stash) delete window[Symbol.for("autoglm-ui.elements")];  // an earlier call's, never read
  if (arg.stash && stashed) {
    Object.defineProperty(window, Symbol.for("autoglm-ui.elements"), {
      value: joined, configurable: true, writable: true,
    });
  }
  if (arg.stash) delete window[CLICK_STASH];
  if (arg.stash && clickCandidates.length) {
    Object.defineProperty(window, CLICK_STASH, { value: clickCandidates, configurable: true, writable: true });
  }
  return JSON.stringify({ view, controls: described, resolutions, total: controls.length,
    stashed: arg.stash ? stashed : 0, custom_elements: customElements,
    click_candidates: arg.stash ? clickCandidates.length : 0 });
}
