// The score grid as a spreadsheet that never loses a value.
//
// - Each cell (one unit × one criterion: self score, agreed score, comment) is saved when the
//   cursor leaves it. A cell's saves are sent one after the other (each carries the version
//   the previous one returned); the cell shows "saving", "saved" or, in red, why it failed.
//   A save the server or the network failed is retried by itself (1 s, 2 s, 4 s … 30 s,
//   and at once when the connection comes back); a save the rules refused stays red with
//   the reason until the value is corrected. The line above the grid counts the cells not
//   saved yet, and leaving the page with such cells asks first.
// - Keys: Enter / ↓ / ↑ move down or up the column (Enter at the bottom goes on to the same
//   score of the next unit), ← / → to the neighbouring score, Home / End to the ends of the
//   row, Ctrl+Home / Ctrl+End to the corners of the grid.
// - Pasting a block copied from Excel or LibreOffice (tab-separated lines) fills the grid
//   from the focused score: each line a criterion, each column a unit, the same score (self
//   or agreed) as the focused one. Every value is checked here first (a number, 0 to the
//   criterion's maximum); the valid ones are sent in one request, saved as one change.
(function () {
  "use strict";
  var form = document.getElementById("score-grid");
  if (!form || !form.dataset.cellsUrl) return;

  var status = document.getElementById("grid-status");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var cells = {};
  var matrix = [];
  var position = new WeakMap();
  var submitting = false;

  function msg(name, params) {
    var text = form.dataset["msg" + name] || "";
    Object.keys(params || {}).forEach(function (key) {
      text = text.split("%(" + key + ")s").join(params[key]);
    });
    return text;
  }

  // --- Numbers: the same reading as emulation/numbers.py ------------------------------
  function grouped(text, sep, dec) {
    var esc = function (c) { return c === "." ? "\\." : c; };
    return new RegExp("^[+-]?\\d{1,3}(?:" + esc(sep) + "\\d{3})+(?:" + esc(dec) + "\\d+)?$").test(text);
  }
  // "4,5" / "4.5" → 4.5; "1.234,5" → 1234.5; "" → null; NaN when it is not a number.
  function parseNumber(text) {
    var spaced = String(text).trim().replace(/[ \u00a0\u202f]/g, " ");
    if (!spaced) return null;
    if (spaced.indexOf(" ") >= 0 && !/^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(spaced)) return NaN;
    var compact = spaced.split(" ").join("");
    var commas = (compact.match(/,/g) || []).length;
    var dots = (compact.match(/\./g) || []).length;
    if (commas && dots) {
      var dec = compact.lastIndexOf(",") > compact.lastIndexOf(".") ? "," : ".";
      var sep = dec === "," ? "." : ",";
      if (compact.split(dec).length !== 2 || !grouped(compact, sep, dec)) return NaN;
      compact = compact.split(sep).join("").replace(dec, ".");
    } else if (commas > 1 || dots > 1) {
      var mark = commas ? "," : ".";
      if (!grouped(compact, mark, ".")) return NaN;
      compact = compact.split(mark).join("");
    } else {
      compact = compact.replace(",", ".");
    }
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return NaN;
    return parseFloat(compact);
  }

  // --- Cells and their saves ------------------------------------------------------------
  function valuesOf(cell) {
    return {
      self: cell.inputs.self.value,
      agreed: cell.inputs.agreed.value,
      comment: cell.inputs.comment ? cell.inputs.comment.value : "",
    };
  }
  function same(a, b) {
    return a.self === b.self && a.agreed === b.agreed && a.comment === b.comment;
  }
  function unsaved(cell) {
    return cell.busy || cell.queued || cell.failed || !same(valuesOf(cell), cell.saved);
  }
  function refreshCount() {
    var n = 0;
    Object.keys(cells).forEach(function (prefix) { if (unsaved(cells[prefix])) n += 1; });
    if (!status) return n;
    var text = n ? msg("Unsaved", { n: n }) : msg("AllSaved");
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle("has-unsaved", n > 0);
    return n;
  }

  function show(cell, state, reasons) {
    var td = cell.td;
    td.classList.remove("cell-saving", "cell-failed", "is-invalid");
    cell.note.replaceChildren();
    [cell.inputs.self, cell.inputs.agreed].forEach(function (input) {
      input.classList.toggle("is-invalid", state === "failed");
      input.setAttribute("aria-invalid", state === "failed" ? "true" : "false");
    });
    if (state === "saving") {
      td.classList.add("cell-saving");
      cell.note.append(span("cell-note", msg("Saving")));
    } else if (state === "saved") {
      cell.note.append(span("cell-note cell-saved small", msg("Saved")));
    } else if (state === "failed") {
      td.classList.add("cell-failed");
      (reasons || []).forEach(function (reason) {
        var div = document.createElement("div");
        div.className = "invalid-feedback d-block cell-error cell-note";
        div.textContent = reason;
        cell.note.append(div);
      });
    }
    refreshCount();
  }
  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }

  // Read one status fragment of the server: the cell's version, its errors, "saved".
  function readStatus(root) {
    var version = root.querySelector("input[name$='-v']");
    return {
      version: version ? version.value : null,
      errors: Array.prototype.map.call(root.querySelectorAll(".cell-error"), function (el) {
        return el.textContent.trim();
      }),
    };
  }
  function settle(cell, sent, result) {
    if (result.version !== null) cell.version.value = result.version;
    if (result.errors.length) {
      cell.failed = true;
      show(cell, "failed", result.errors);
    } else {
      cell.failed = false;
      cell.saved = sent;
      show(cell, "saved");
    }
  }
  function transientFailure(cell, reason) {
    cell.failed = true;
    cell.attempts += 1;
    show(cell, "failed", [reason]);
    clearTimeout(cell.retry);
    cell.retry = setTimeout(function () { save(cell); }, Math.min(30000, 1000 * Math.pow(2, cell.attempts - 1)));
  }

  function post(url, body) {
    body.append("csrfmiddlewaretoken", csrf);
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf },
    });
  }
  function fieldsOf(cell, values, body) {
    var p = cell.prefix;
    body.append(p + "-self", values.self);
    body.append(p + "-agreed", values.agreed);
    body.append(p + "-comment", values.comment);
    body.append(p + "-v", cell.version.value);
  }

  function send(cell) {
    clearTimeout(cell.retry);
    var sent = valuesOf(cell);
    var body = new FormData();
    fieldsOf(cell, sent, body);
    cell.busy = true;
    show(cell, "saving");
    return post(cell.td.dataset.saveUrl, body)
      .then(function (response) {
        return response.text().then(function (html) { return [response, html]; });
      })
      .then(function (pair) {
        var response = pair[0];
        cell.busy = false;
        if (response.status >= 500) {
          transientFailure(cell, msg("Server", { status: response.status }));
          return;
        }
        var root = document.createElement("div");
        root.innerHTML = pair[1];
        var result = readStatus(root);
        if (!response.ok && !result.errors.length) {
          result.errors = [msg("Refused", { status: response.status })];
        }
        cell.attempts = 0;
        settle(cell, sent, result);
      })
      .catch(function () {
        cell.busy = false;
        transientFailure(cell, msg("Network"));
      });
  }

  // Queue a save of the cell behind the ones already sent; a save already waiting will
  // read the latest values when its turn comes, so one is enough.
  function save(cell) {
    if (cell.queued) return cell.chain;
    cell.queued = true;
    refreshCount();
    cell.chain = cell.chain.then(function () {
      cell.queued = false;
      return send(cell);
    });
    return cell.chain;
  }

  // --- Building the grid ----------------------------------------------------------------
  Array.prototype.forEach.call(form.querySelectorAll("tr.criterion-row"), function (tr, r) {
    var row = [];
    Array.prototype.forEach.call(tr.querySelectorAll("td.score-cell[data-prefix]"), function (td) {
      var cell = {
        td: td,
        tr: tr,
        prefix: td.dataset.prefix,
        inputs: {
          self: td.querySelector("input[data-field=self]"),
          agreed: td.querySelector("input[data-field=agreed]"),
          comment: td.querySelector("input[data-field=comment]"),
        },
        version: td.querySelector("input[name$='-v']"),
        chain: Promise.resolve(),
        busy: false,
        queued: false,
        failed: td.querySelector(".cell-error") !== null,
        attempts: 0,
        retry: null,
      };
      cell.saved = valuesOf(cell);
      var statusBox = td.querySelector(".cell-status");
      cell.note = document.createElement("div");
      Array.prototype.forEach.call(statusBox.querySelectorAll(".cell-error"), function (el) {
        cell.note.append(el);
      });
      statusBox.append(cell.note);
      cells[cell.prefix] = cell;
      ["self", "agreed"].forEach(function (field) {
        var input = cell.inputs[field];
        position.set(input, [r, row.length]);
        input.cell = cell;
        row.push(input);
      });
      if (cell.inputs.comment) cell.inputs.comment.cell = cell;
    });
    matrix.push(row);
  });

  form.addEventListener("change", function (event) {
    var cell = event.target.cell;
    if (cell) save(cell);
  });
  form.addEventListener("input", function (event) {
    if (event.target.cell) refreshCount();
  });
  window.addEventListener("online", function () {
    Object.keys(cells).forEach(function (prefix) {
      var cell = cells[prefix];
      if (cell.retry) save(cell);
    });
  });
  window.addEventListener("beforeunload", function (event) {
    if (submitting || !refreshCount()) return;
    event.preventDefault();
    event.returnValue = "";
  });

  // Submitting the whole grid waits for the cell saves under way (their versions).
  form.addEventListener("submit", function (event) {
    var pending = Object.keys(cells).map(function (p) { return cells[p].chain; });
    if (form.dataset.ready === "1") {
      submitting = true;
      return;
    }
    event.preventDefault();
    var submitter = event.submitter || null;
    Promise.all(pending).then(function () {
      form.dataset.ready = "1";
      // Not from within this submit event: a form ignores requestSubmit() while it fires one.
      setTimeout(function () { form.requestSubmit(submitter); }, 0);
    });
  });

  // --- Moving like a spreadsheet -----------------------------------------------------------
  function go(r, c) {
    if (r < 0 || r >= matrix.length) return false;
    var row = matrix[r];
    if (c < 0 || c >= row.length) return false;
    row[c].focus();
    row[c].select();
    row[c].scrollIntoView({ block: "nearest", inline: "nearest" });
    return true;
  }
  form.addEventListener("focusin", function (event) {
    if (position.has(event.target)) event.target.select();
  });
  form.addEventListener("keydown", function (event) {
    var input = event.target;
    var at = position.get(input);
    if (!at || event.altKey || event.metaKey) return;
    var r = at[0], c = at[1];
    var last = matrix[r].length - 1;
    var whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    var moved = null;
    switch (event.key) {
      case "Enter":
        moved = event.shiftKey ? go(r - 1, c) : go(r + 1, c) || go(0, c + 2);
        if (!moved) {
          // The last cell: nowhere to go, so no "change" on leaving it; save it now (and
          // never submit the whole form from a cell).
          if (!same(valuesOf(input.cell), input.cell.saved)) save(input.cell);
          moved = true;
        }
        break;
      case "ArrowDown": moved = go(r + 1, c); break;
      case "ArrowUp": moved = go(r - 1, c); break;
      case "ArrowRight":
        if (whole || input.selectionStart === input.value.length) moved = go(r, c + 1);
        break;
      case "ArrowLeft":
        if (whole || input.selectionEnd === 0) moved = go(r, c - 1);
        break;
      case "Home": moved = event.ctrlKey ? go(0, 0) : go(r, 0); break;
      case "End":
        moved = event.ctrlKey ? go(matrix.length - 1, matrix[matrix.length - 1].length - 1) : go(r, last);
        break;
    }
    if (moved) event.preventDefault();
  });

  // --- Pasting a block from a spreadsheet -------------------------------------------------
  // Tab-separated lines; a field in double quotes may hold tabs, line breaks and "".
  function parseBlock(text) {
    var rows = [], row = [], field = "", quoted = false, i = 0;
    text = text.replace(/\r\n?/g, "\n");
    while (i < text.length) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
        if (ch === '"') { quoted = false; i += 1; continue; }
        field += ch; i += 1; continue;
      }
      if (ch === '"' && field === "") { quoted = true; i += 1; continue; }
      if (ch === "\t") { row.push(field); field = ""; i += 1; continue; }
      if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; i += 1; continue; }
      field += ch; i += 1;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  form.addEventListener("paste", function (event) {
    var input = event.target;
    var at = position.get(input);
    if (!at) return;
    var text = (event.clipboardData || window.clipboardData).getData("text/plain") || "";
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ""))) return; // one value: the browser pastes it
    event.preventDefault();
    var block = parseBlock(text);
    var touched = [], outside = 0;
    block.forEach(function (values, i) {
      values.forEach(function (value, j) {
        var row = matrix[at[0] + i];
        var target = row && row[at[1] + 2 * j];
        if (!target) { outside += 1; return; }
        target.value = value.trim();
        if (touched.indexOf(target.cell) < 0) touched.push(target.cell);
      });
    });
    var batch = [];
    touched.forEach(function (cell) {
      var reasons = [];
      var max = parseFloat(cell.tr.dataset.max);
      ["self", "agreed"].forEach(function (field) {
        var raw = cell.inputs[field].value;
        var number = parseNumber(raw);
        if (number === null) return;
        if (isNaN(number)) reasons.push(msg("Number", { v: raw.trim() }));
        else if (number < 0 || number > max) reasons.push(msg("Range", { max: cell.tr.dataset.maxText }));
      });
      if (reasons.length) {
        cell.failed = true;
        show(cell, "failed", reasons);
      } else if (!same(valuesOf(cell), cell.saved) || cell.failed) {
        batch.push(cell);
      }
    });
    if (status) {
      status.textContent = msg("Pasted", { n: batch.length }) + (outside ? " " + msg("Outside", { n: outside }) : "");
    }
    if (batch.length) sendBatch(batch);
  });

  // The pasted cells in one request, once each one's earlier saves are done.
  function sendBatch(batch) {
    var before = Promise.all(batch.map(function (cell) { return cell.chain; }));
    var done = before.then(function () {
      var body = new FormData();
      var sent = {};
      batch.forEach(function (cell) {
        clearTimeout(cell.retry);
        sent[cell.prefix] = valuesOf(cell);
        fieldsOf(cell, sent[cell.prefix], body);
        cell.busy = true;
        show(cell, "saving");
      });
      return post(form.dataset.cellsUrl, body)
        .then(function (response) {
          return response.text().then(function (html) { return [response, html]; });
        })
        .then(function (pair) {
          var response = pair[0];
          var root = document.createElement("div");
          root.innerHTML = pair[1];
          batch.forEach(function (cell) {
            cell.busy = false;
            var part = root.querySelector('[data-cell="' + cell.prefix + '"]');
            if (response.status >= 500 || !part) {
              transientFailure(cell, response.ok ? msg("Network") : msg("Server", { status: response.status }));
              return;
            }
            cell.attempts = 0;
            settle(cell, sent[cell.prefix], readStatus(part));
          });
        })
        .catch(function () {
          batch.forEach(function (cell) {
            cell.busy = false;
            transientFailure(cell, msg("Network"));
          });
        });
    });
    batch.forEach(function (cell) { cell.chain = done; });
    return done;
  }

  // --- Evidence uploaded from the cell ------------------------------------------------------
  var fileInput = document.getElementById("grid-evidence-file");
  var uploadCell = null;
  form.addEventListener("click", function (event) {
    var button = event.target.closest(".cell-upload");
    if (!button || !fileInput) return;
    uploadCell = cells[button.closest("td").dataset.prefix];
    fileInput.value = "";
    fileInput.click();
  });
  if (fileInput) {
    fileInput.addEventListener("change", function () {
      var cell = uploadCell;
      if (!cell || !fileInput.files.length) return;
      var body = new FormData();
      body.append("file", fileInput.files[0]);
      post(cell.td.dataset.evidenceUrl, body)
        .then(function (response) {
          return response.text().then(function (html) { return [response, html]; });
        })
        .then(function (pair) {
          var root = document.createElement("div");
          root.innerHTML = pair[1];
          var errors = Array.prototype.map.call(root.querySelectorAll(".invalid-feedback, .alert-danger"), function (el) {
            return el.textContent.trim();
          });
          if (!pair[0].ok || errors.length) {
            show(cell, "failed", errors.length ? errors : [msg("Refused", { status: pair[0].status })]);
            return;
          }
          var list = root.querySelector("#evidence-files");
          if (list && list.dataset.scoreVersion) cell.version.value = list.dataset.scoreVersion;
          var link = cell.td.querySelector(".cell-evidence");
          var fresh = root.querySelectorAll("#evidence-files a[href*='/evidence/']").length;
          link.dataset.count = String(fresh);
          var toggle = cell.td.querySelector(".cell-more-toggle");
          if (toggle) { toggle.classList.add("has-content"); toggle.classList.remove("needs-evidence"); }
          link.textContent = msg("Evidence", { n: fresh });
          cell.note.replaceChildren(span("cell-note cell-saved small", msg("Uploaded")));
        })
        .catch(function () { show(cell, "failed", [msg("Network")]); });
    });
  }

  refreshCount();
})();
