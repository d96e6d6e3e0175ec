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

// Leaving a cell to click "save the whole grid" first fires that cell's own save (on change).
// Submitting the grid while it is in flight would send the cell's old version and be refused
// as someone else's edit: wait for the cell saves to finish, then submit with their versions.
(function () {
  "use strict";
  var pending = 0;
  var deferred = null;
  function isCell(event) {
    return event.target.closest && event.target.closest(".score-grid .score-cell");
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (isCell(event)) pending += 1;
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (!isCell(event)) return;
    pending = Math.max(0, pending - 1);
    if (pending === 0 && deferred) {
      var form = deferred.form;
      var submitter = deferred.submitter;
      deferred = null;
      form.requestSubmit(submitter);
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.querySelector || !form.querySelector(".score-grid .score-cell")) return;
    if (pending > 0) {
      event.preventDefault();
      deferred = { form: form, submitter: event.submitter || null };
    }
  });
})();
