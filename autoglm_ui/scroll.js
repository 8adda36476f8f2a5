// autoglm-ui scroll: called as page.evaluate(SOURCE, [x, y, shellX, shellY]). Scrolls the window to
// (x, y) and, where the page is an app shell, its own scroll container to (shellX, shellY) (null:
// leave it), as a user scrolling there would; capture.py puts both back afterwards.
([x, y, shellX, shellY]) => {
  // @include page_scroller.js
  window.scrollTo({ left: x, top: y, behavior: "instant" });
  const shell = findPageScroller();
  if (shell && shellX !== null && shellY !== null) shell.scrollTo({ left: shellX, top: shellY, behavior: "instant" });
}
