// A table wider than its frame shows its hint (data-scroll-hint names it) while it is so.
document.querySelectorAll("[data-scroll-hint]").forEach(function (frame) {
  var hint = document.getElementById(frame.dataset.scrollHint);
  function update() { hint.hidden = frame.scrollWidth <= frame.clientWidth; }
  update();
  window.addEventListener("resize", update);
});
