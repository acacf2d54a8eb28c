/* Live blog, progressive enhancement: polls the cached updates document and adds new updates
   at the top of the list without moving what the reader is reading, announcing them politely
   to screen readers. Without JavaScript the page is complete and its "Newer updates" link
   reloads it. No inline script anywhere (CSP script-src 'self'). */
(function () {
  "use strict";

  var section = document.querySelector("[data-live-updates]");
  if (!section || !window.fetch || !window.DOMParser) {
    return;
  }
  var list = section.querySelector("[data-live-list]");
  var announcer = section.querySelector("[data-live-announcer]");
  var interval = Math.max(1, parseInt(section.getAttribute("data-interval"), 10) || 15) * 1000;
  var src = section.getAttribute("data-src");
  var timer = null;

  // We keep the reader's place ourselves (below); the browser's own scroll anchoring would
  // adjust a second time.
  document.documentElement.style.overflowAnchor = "none";
  document.body.style.overflowAnchor = "none";

  function shownIds() {
    var ids = {};
    list.querySelectorAll("[data-update-id]").forEach(function (item) {
      ids[item.getAttribute("data-update-id")] = item;
    });
    return ids;
  }

  function parse(html) {
    var doc = new DOMParser().parseFromString("<ol>" + html + "</ol>", "text/html");
    return doc.body.firstElementChild.firstElementChild;
  }

  // The first element of the page the reader can see (inside the list or not): what must not move.
  function readingAnchor() {
    var candidates = document.querySelectorAll("main h1, main p, main li, main figure, main h2, main h3");
    for (var i = 0; i < candidates.length; i++) {
      var rect = candidates[i].getBoundingClientRect();
      if (rect.bottom > 0 && rect.height > 0) {
        return candidates[i];
      }
    }
    return null;
  }

  function keepPlace(change) {
    var anchor = readingAnchor();
    var before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (anchor && anchor.isConnected) {
      var delta = anchor.getBoundingClientRect().top - before;
      if (delta) {
        window.scrollBy(0, delta);
      }
    }
  }

  function announce(count) {
    if (!announcer || !count) {
      return;
    }
    var text =
      count === 1
        ? section.getAttribute("data-announce-one")
        : section.getAttribute("data-announce-many").replace("{count}", String(count));
    announcer.textContent = text;
  }

  function apply(data) {
    var shown = shownIds();
    var fresh = data.updates.filter(function (update) {
      return !shown[String(update.id)];
    });
    var present = {};
    data.updates.forEach(function (update) {
      present[String(update.id)] = true;
    });
    keepPlace(function () {
      // Oldest first, each at the top: the list stays newest first.
      fresh
        .slice()
        .reverse()
        .forEach(function (update) {
          list.insertBefore(parse(update.html), list.firstChild);
        });
      data.updates.forEach(function (update) {
        var item = shown[String(update.id)];
        if (item && item.outerHTML !== update.html.trim()) {
          var replacement = parse(update.html);
          if (item.innerHTML !== replacement.innerHTML) {
            item.replaceWith(replacement);
          }
        }
      });
      // Deleted updates go (only those the document would still list: older ones stay).
      var oldest = data.updates.length ? data.updates[data.updates.length - 1].id : null;
      Object.keys(shown).forEach(function (id) {
        if (!present[id] && oldest !== null && Number(id) > oldest) {
          shown[id].remove();
        }
      });
    });
    if (fresh.length) {
      var empty = section.querySelector("[data-live-empty]");
      if (empty) {
        empty.remove();
      }
    }
    announce(fresh.length);
    if (data.ended) {
      stop();
    }
  }

  function poll() {
    fetch(src, { headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) {
          apply(data);
        }
      })
      .catch(function () {
        /* offline for a moment: the next poll tries again */
      });
  }

  function start() {
    if (timer === null) {
      timer = window.setInterval(poll, interval);
    }
  }

  function stop() {
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
  }

  // No polling in a hidden tab; catch up as soon as it is shown again.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      stop();
    } else {
      poll();
      start();
    }
  });
  start();
})();
