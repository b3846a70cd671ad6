// timeline.js: the chronology's filters, Escape for its hover texts, and
// the current day in the day navigation. The page is whole without it:
// every entry shows, and hover texts open on hover and focus by CSS.
(function () {
  "use strict";

  var entries = [].slice.call(document.querySelectorAll("article.entry"));
  var sections = [].slice.call(document.querySelectorAll("section.day"));
  var navLinks = [].slice.call(document.querySelectorAll(".days a[href^='#']"));

  // fold makes text comparable: lower case, no accents, single spaces.
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }

  // has reports whether the space-separated list holds key.
  function has(list, key) {
    return (" " + (list || "") + " ").indexOf(" " + key + " ") >= 0;
  }

  function sectionOf(link) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target && target.closest("section");
  }

  function setupFilters(form) {
    var texts = entries.map(function (e) { return fold(e.textContent); });
    var status = document.getElementById("filter-status");
    var el = form.elements;
    var params = new URLSearchParams(location.search);
    el.q.value = params.get("q") || "";
    ["source", "speaker"].forEach(function (name) {
      if (el[name] && params.has(name)) el[name].value = params.get(name);
    });
    if (el.disputed) el.disputed.checked = params.get("disputed") === "1";

    function apply(initial) {
      var query = el.q.value.trim();
      var words = query ? fold(query).split(" ") : [];
      var source = el.source ? el.source.value : "";
      var speaker = el.speaker ? el.speaker.value : "";
      var disputed = el.disputed ? el.disputed.checked : false;
      var shown = 0;
      entries.forEach(function (e, i) {
        var ok = (!source || has(e.dataset.sources, source)) &&
          (!speaker || has(e.dataset.speakers, speaker)) &&
          (!disputed || e.hasAttribute("data-disputed")) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        e.hidden = !ok;
        if (ok) shown++;
      });
      sections.forEach(function (s) {
        s.hidden = !s.querySelector("article.entry:not([hidden])");
      });
      navLinks.forEach(function (a) {
        var s = sectionOf(a);
        a.parentNode.hidden = !!(s && s.hidden);
      });
      status.textContent = shown === entries.length ? "" :
        shown === 0 ? "No entry matches." : shown + " of " + entries.length + " entries shown.";
      if (initial === true) return;
      var p = new URLSearchParams();
      if (query) p.set("q", query);
      if (source) p.set("source", source);
      if (speaker) p.set("speaker", speaker);
      if (disputed) p.set("disputed", "1");
      var search = p.toString();
      try {
        history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      } catch (err) {
        // Some browsers refuse to change the address of a local file; the filters work all the same.
      }
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    document.getElementById("filter-reset").addEventListener("click", function () {
      form.reset();
      apply();
    });
    form.hidden = false;
    apply(true);
  }

  // Escape hides the hover text that is open, as WCAG 1.4.13 asks; it
  // comes back on the next hover or focus.
  function setupTips() {
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") return;
      document.querySelectorAll(".tip-wrap:hover, .tip-wrap:focus-within").forEach(function (w) {
        w.classList.add("tip-closed");
      });
    });
    function reopen(ev) {
      var w = ev.target.closest && ev.target.closest(".tip-wrap");
      if (w && !w.contains(ev.relatedTarget)) w.classList.remove("tip-closed");
    }
    document.addEventListener("focusout", reopen);
    document.addEventListener("mouseout", reopen);
  }

  // The day navigation marks the day being read.
  function setupCurrentDay() {
    if (!navLinks.length) return;
    var pending = false;
    function mark() {
      pending = false;
      var current = null;
      navLinks.forEach(function (a) {
        var s = sectionOf(a);
        if (s && !s.hidden && s.getBoundingClientRect().top < 120) current = a;
      });
      navLinks.forEach(function (a) {
        if (a === current) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
      });
      var list = current && current.closest("ul");
      if (list && list.scrollWidth > list.clientWidth) {
        var left = current.offsetLeft - list.offsetLeft;
        if (left < list.scrollLeft || left + current.offsetWidth > list.scrollLeft + list.clientWidth) {
          list.scrollLeft = left - 16;
        }
      }
    }
    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        requestAnimationFrame(mark);
      }
    }, { passive: true });
    mark();
  }

  var form = document.getElementById("filters");
  if (form) setupFilters(form);
  setupTips();
  setupCurrentDay();
})();
