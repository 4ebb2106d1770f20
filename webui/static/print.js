// Buttons marked data-print open the browser's print dialog (the page has a print stylesheet).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
