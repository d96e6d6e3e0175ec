// Long forms, on every page (no inline script: the CSP refuses it).
// - A page that came back with errors moves the focus to the error summary at the top, whose
//   links lead to each field in error.
// - Otherwise the first field of the page's main form is focused, so typing starts at once.
// - A form or button with data-confirm asks before it is sent (signing, locking, deleting).
(function () {
  "use strict";

  // Text, number, date inputs, selects and text areas: a form of checkboxes only (choosing
  // lines to approve) is not one to start typing in, and focusing it would scroll the page.
  var FIELD = "input:not([type=hidden]):not([type=submit]):not([type=button])" +
    ":not([type=checkbox]):not([type=radio]):not([type=file]):not([disabled]):not([readonly])," +
    " select:not([disabled]), textarea:not([disabled]):not([readonly])";

  function focusFirst() {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
      return;
    }
    if (document.querySelector("[data-no-autofocus]")) {
      return;
    }
    var forms = document.querySelectorAll("main form");
    for (var i = 0; i < forms.length; i++) {
      var method = (forms[i].getAttribute("method") || "get").toLowerCase();
      if (method !== "post") {
        continue;
      }
      var field = forms[i].querySelector(FIELD);
      if (field) {
        field.focus({ preventScroll: false });
        return;
      }
    }
  }

  function errorLink(event) {
    var link = event.target.closest("#error-summary a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field) {
      event.preventDefault();
      field.scrollIntoView({ block: "center" });
      field.focus();
    }
  }

  function confirmSubmit(event) {
    var form = event.target;
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) ||
      form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  document.addEventListener("submit", confirmSubmit, true);
  document.addEventListener("click", errorLink);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusFirst);
  } else {
    focusFirst();
  }
})();
