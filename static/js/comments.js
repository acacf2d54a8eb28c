/* Comments: progressive enhancement only; the form works the same without this file.
   - fills in name, email and website remembered in the "comment_author" cookie (set by the server when
     the reader ticks "Remember me" and has accepted preference cookies);
   - "Reply to …" opens the form under the comment instead of going to the reply page;
   - after a refused comment, focus goes to the list of mistakes. */
(function () {
  "use strict";

  var form = document.getElementById("comment-form");
  if (!form) {
    return;
  }

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) {
        return parts[i].slice(eq + 1).replace(/^"|"$/g, "");
      }
    }
    return null;
  }

  function prefill() {
    var saved = readCookie("comment_author");
    if (!saved) {
      return;
    }
    var values;
    try {
      values = new URLSearchParams(saved);
    } catch (error) {
      return;
    }
    [["name", "name"], ["email", "email"], ["url", "url"]].forEach(function (pair) {
      var input = form.elements.namedItem(pair[0]);
      var value = values.get(pair[1]);
      if (input && value && !input.value) {
        input.value = value;
      }
    });
    var remember = form.elements.namedItem("remember");
    if (remember && values.get("name")) {
      remember.checked = true;
    }
  }

  function replyInPlace() {
    var parentInput = form.querySelector('input[name="parent"]');
    var heading = document.getElementById("comment-form-heading");
    if (!parentInput || !heading || parentInput.value) {
      return; // the reply page already answers one comment
    }
    var home = document.createElement("div");
    home.hidden = true;
    form.parentNode.insertBefore(home, form);
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button button--secondary comment-form__cancel";
    cancel.textContent = form.getAttribute("data-cancel-label") || "Cancel";
    cancel.hidden = true;
    form.querySelector(".comment-form__actions").appendChild(cancel);

    function reset() {
      parentInput.value = "";
      heading.textContent = heading.getAttribute("data-default-heading");
      cancel.hidden = true;
      home.parentNode.insertBefore(form, home);
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-reply-to]") : null;
      if (!link) {
        return;
      }
      var comment = document.getElementById("comment-" + link.getAttribute("data-reply-to"));
      if (!comment) {
        return;
      }
      event.preventDefault();
      parentInput.value = link.getAttribute("data-reply-to");
      heading.textContent = link.textContent;
      cancel.hidden = false;
      comment.parentNode.insertBefore(form, comment.nextSibling);
      var body = form.elements.namedItem("body");
      (form.elements.namedItem("name").value ? body : form.elements.namedItem("name")).focus();
    });

    cancel.addEventListener("click", function () {
      var id = parentInput.value;
      reset();
      var link = document.querySelector('a[data-reply-to="' + id + '"]');
      if (link) {
        link.focus();
      }
    });
  }

  function announceErrors() {
    // The page came back with mistakes: take keyboard and screen-reader users to the summary.
    var summary = document.getElementById("comment-form-errors");
    if (summary) {
      summary.focus();
    }
  }

  prefill();
  replyInPlace();
  announceErrors();
}());
