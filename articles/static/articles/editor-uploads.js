/* Rich-text editor uploads (pictures pasted, dropped or sent from the image dialog) carry
   Django's CSRF token in a header, so the upload endpoint keeps the normal CSRF check. */
(function () {
  "use strict";

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function attach(editor) {
    if (editor.newsroomUploads) {
      return;
    }
    editor.newsroomUploads = true;
    editor.on("fileUploadRequest", function (event) {
      event.data.fileLoader.xhr.setRequestHeader("X-CSRFToken", csrfToken());
    });
  }

  function start() {
    if (!window.CKEDITOR) {
      return;
    }
    Object.keys(window.CKEDITOR.instances).forEach(function (name) {
      attach(window.CKEDITOR.instances[name]);
    });
    window.CKEDITOR.on("instanceCreated", function (event) {
      attach(event.editor);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
