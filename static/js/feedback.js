// The anonymous feedback form: shown in place under an update and sent without
// leaving the page. The update page is cached for everyone, so the form there has
// no CSRF token and no form token; both are fetched from the (uncached) token URL
// when the reader starts writing. Without this script the box links to the
// feedback page, which works on its own.
(function () {
  "use strict";

  function enhance(form) {
    var box = form.closest("section");
    var opener = box && box.querySelector("[data-feedback-open]");
    var tokenInput = form.querySelector("input[name=token]");
    var alertBox = form.querySelector("[data-feedback-alert]");
    var statusBox = form.querySelector("[data-feedback-status]");
    var button = form.querySelector("button[type=submit]");
    var csrf = null;
    var pending = null;

    form.hidden = false;
    if (opener) opener.hidden = true;

    function fetchTokens() {
      if (!pending) {
        pending = fetch(form.dataset.tokenUrl, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) throw new Error("token " + response.status);
            return response.json();
          })
          .then(function (data) {
            csrf = data.csrf;
            tokenInput.value = data.token;
          })
          .catch(function (error) {
            pending = null;
            throw error;
          });
      }
      return pending;
    }

    // The page's own form (the uncached feedback page) already carries both tokens.
    var pageCsrf = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (pageCsrf && tokenInput.value) {
      csrf = pageCsrf.value;
      pending = Promise.resolve();
    }
    form.addEventListener("focusin", function () {
      fetchTokens().catch(function () {});
    });

    function showAlert(text) {
      alertBox.textContent = "";
      if (text) {
        var p = document.createElement("p");
        p.textContent = text;
        alertBox.appendChild(p);
      }
      alertBox.hidden = !text;
    }

    function showErrors(errors) {
      form.querySelectorAll("[data-errors-for]").forEach(function (el) {
        var messages = (errors && errors[el.dataset.errorsFor]) || [];
        el.textContent = messages.join(" ");
        el.hidden = messages.length === 0;
        var field = form.elements[el.dataset.errorsFor];
        if (field && field.setAttribute) {
          if (messages.length) field.setAttribute("aria-invalid", "true");
          else field.removeAttribute("aria-invalid");
        }
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      statusBox.textContent = "";
      fetchTokens()
        .then(function () {
          return fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { Accept: "application/json", "X-CSRFToken": csrf },
          });
        })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (type.indexOf("application/json") === -1) throw new Error("status " + response.status);
          return response.json();
        })
        .then(function (data) {
          if (data.token) tokenInput.value = data.token;
          showErrors(data.errors);
          if (data.ok) {
            showAlert("");
            form.elements.message.value = "";
            form.querySelectorAll("input[type=radio]").forEach(function (radio) {
              radio.checked = false;
            });
            statusBox.textContent = data.message;
          } else {
            showAlert(data.message);
          }
        })
        .catch(function () {
          showAlert(form.dataset.errorText);
        })
        .then(function () {
          button.disabled = false;
        });
    });
  }

  document.querySelectorAll("form[data-feedback-form]").forEach(enhance);
})();
