/* Breaking-news strip: fetched from a tiny cached document (so whole pages stay in the page
   cache) and checked again every BREAKING_POLL_SECONDS (20). A dismissed alert stays dismissed for this tab
   (sessionStorage: nothing is sent to us and it ends with the tab); across visits only when
   the reader has accepted preference cookies (data-remember, then localStorage). */
(function () {
  "use strict";

  var strip = document.querySelector("[data-breaking]");
  if (!strip || !window.fetch) {
    return;
  }
  var link = strip.querySelector("[data-breaking-link]");
  var src = strip.getAttribute("data-src");
  var interval = Math.max(1, parseInt(strip.getAttribute("data-interval"), 10) || 20) * 1000;
  var KEY = "breaking-dismissed";
  var current = null;

  function store() {
    try {
      return strip.hasAttribute("data-remember") ? window.localStorage : window.sessionStorage;
    } catch (error) {
      return null; // storage blocked by the browser: dismissal lasts for this page only
    }
  }

  var dismissedHere = {};

  function isDismissed(id) {
    var storage = store();
    return dismissedHere[id] || (storage && storage.getItem(KEY) === String(id));
  }

  function show(alert) {
    if (!alert || isDismissed(alert.id)) {
      strip.hidden = true;
      current = null;
      return;
    }
    current = alert;
    link.textContent = alert.text;
    link.setAttribute("href", alert.url);
    if (strip.hidden) {
      strip.hidden = false;
      // Appearing above the reader's place must not push what they are reading down.
      if (window.scrollY > 0) {
        window.scrollBy(0, strip.offsetHeight);
      }
    }
  }

  function check() {
    fetch(src, { headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) {
          show(data.alert);
        }
      })
      .catch(function () {});
  }

  strip.querySelector("[data-breaking-dismiss]").addEventListener("click", function () {
    if (current) {
      dismissedHere[current.id] = true;
      var storage = store();
      if (storage) {
        try {
          storage.setItem(KEY, String(current.id));
        } catch (error) {
          /* full or blocked: dismissed for this page only */
        }
      }
    }
    strip.hidden = true;
    var main = document.getElementById("content");
    if (main && strip.contains(document.activeElement)) {
      main.focus({ preventScroll: true });
    }
  });

  check();
  window.setInterval(function () {
    if (!document.hidden) {
      check();
    }
  }, interval);
})();
