// autoglm-ui record: which landmark each control sits in. Called as page.evaluate(SOURCE, items)
// with items = [{id, testid, cx, cy, has_box}] (cx, cy: the drawn box's centre, document px).
// Returns {landmarks: [title], of: [landmark index or -1 per item]}. Reads only.
(items) => {
  const SELECTOR = [
    "header", "nav", "main", "aside", "footer", "form", "fieldset", "dialog", "section[aria-label]",
    "section[aria-labelledby]", "[role=banner]", "[role=navigation]", "[role=main]",
    "[role=complementary]", "[role=contentinfo]", "[role=form]", "[role=search]", "[role=dialog]",
    "[role=alertdialog]", "[role=region][aria-label]", "[role=region][aria-labelledby]",
  ].join(",");
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim().slice(0, 60);
  const textOf = (el) => (el ? clean(el.innerText || el.textContent) : "");
  function labelOf(el) {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) {
      const t = clean(ids.split(/\s+/).map((id) => textOf(document.getElementById(id))).join(" "));
      if (t) return t;
    }
    return clean(el.getAttribute("aria-label"));
  }
  function titleOf(el) {
    const tag = el.tagName.toLowerCase();
    const role = (el.getAttribute("role") || "").toLowerCase();
    const label = labelOf(el);
    const heading = () => textOf(el.querySelector("h1, h2, h3, h4, h5, h6, [role=heading]"));
    const named = (word, text) => (text ? `${word}: ${text}` : word);
    if (tag === "header" || role === "banner") return named("Header", label);
    if (tag === "nav" || role === "navigation") return named("Navigation", label);
    if (tag === "main" || role === "main") return named("Main content", label);
    if (tag === "aside" || role === "complementary") return named("Sidebar", label);
    if (tag === "footer" || role === "contentinfo") return named("Footer", label);
    if (role === "search") return named("Search", label);
    if (tag === "fieldset") return label || textOf(el.querySelector("legend")) || "Group";
    if (tag === "dialog" || role === "dialog" || role === "alertdialog") return named("Dialog", label || heading());
    if (tag === "form" || role === "form") return named("Form", label || heading() || clean(el.getAttribute("name")));
    return label || heading() || "Section";
  }
  const marks = Array.from(document.querySelectorAll(SELECTOR));
  const index = new Map(marks.map((el, i) => [el, i]));
  const sx = window.scrollX, sy = window.scrollY;
  const rects = marks.map((el) => {
    const r = el.getBoundingClientRect();
    return { x0: r.left + sx, y0: r.top + sy, x1: r.right + sx, y1: r.bottom + sy, area: r.width * r.height };
  });
  function find(item) {
    if (item.id) {
      const el = document.getElementById(item.id);
      if (el) return el;
    }
    if (item.testid) {
      const hits = document.querySelectorAll(`[data-testid="${CSS.escape(item.testid)}"]`);
      if (hits.length === 1) return hits[0];
    }
    return null;
  }
  function byGeometry(item) {
    if (!item.has_box) return -1;
    let best = -1;
    rects.forEach((r, i) => {
      const inside = r.area > 0 && item.cx >= r.x0 && item.cx <= r.x1 && item.cy >= r.y0 && item.cy <= r.y1;
      if (inside && (best < 0 || r.area < rects[best].area)) best = i;
    });
    return best;
  }
  const of = items.map((item) => {
    const el = find(item);
    if (el) {
      const mark = el.parentElement ? el.parentElement.closest(SELECTOR) : null;
      return mark && index.has(mark) ? index.get(mark) : -1;
    }
    return byGeometry(item);
  });
  return { landmarks: marks.map(titleOf), of };
}
