// Score grid: Enter / arrow up-down move to the same field of the same unit in the next or
// previous criterion row, like a spreadsheet; Tab keeps its natural order across the row.
(function () {
  "use strict";
  function inputsOf(input) {
    var grid = input.closest(".score-grid");
    var selector = 'input[data-unit="' + input.dataset.unit + '"][data-field="' + input.dataset.field + '"]';
    return Array.prototype.slice.call(grid.querySelectorAll(selector));
  }
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".score-grid input[data-field]")) return;
    var step = 0;
    if (event.key === "Enter" || event.key === "ArrowDown") step = 1;
    if (event.key === "ArrowUp") step = -1;
    if (!step) return;
    event.preventDefault();
    var column = inputsOf(input);
    var next = column[column.indexOf(input) + step];
    if (next) {
      next.focus();
      next.select();
    }
  });
})();
