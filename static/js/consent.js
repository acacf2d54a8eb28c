/* Cookie banner, progressive enhancement only: the choice is sent with fetch and the banner
   goes away without a reload. Without JavaScript (or if anything fails here) the same form
   posts normally and the server sends the reader back to the page. */
(function () {
  "use strict";

  var banner = document.querySelector("[data-consent-banner]");
  if (!banner || !window.fetch || !window.FormData) {
    return;
  }
  var form = banner.querySelector("[data-consent-form]");
  var status = document.querySelector("[data-consent-status]");

  function submitWithoutScript(submitter) {
    // form.submit() leaves out the clicked button, so carry its value in a hidden field.
    var field = document.createElement("input");
    field.type = "hidden";
    field.name = submitter.name;
    field.value = submitter.value;
    form.appendChild(field);
    form.submit();
  }

  function close(message) {
    var hadFocus = banner.contains(document.activeElement);
    banner.hidden = true;
    if (status && message) {
      status.textContent = message;
    }
    if (hadFocus) {
      // Focus would fall back to the top of the document; put it where reading goes on.
      var main = document.getElementById("content");
      if (main) {
        main.focus({ preventScroll: true });
      }
    }
  }

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || !submitter.name) {
      return; // an old browser: let the form post
    }
    event.preventDefault();
    var data = new FormData(form);
    data.append(submitter.name, submitter.value);
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (button) { button.disabled = true; });

    // Not form.action: the buttons are named "action" and shadow that property.
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("consent not saved: " + response.status);
        }
        return response.json();
      })
      .then(function (result) {
        close(result.message);
      })
      .catch(function () {
        buttons.forEach(function (button) { button.disabled = false; });
        submitWithoutScript(submitter);
      });
  });
})();
