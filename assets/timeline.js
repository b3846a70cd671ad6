// timeline.js: the chronology's filters (with the day navigation's
// counts following them, and a way to find a name in a long list of who
// says so), Escape for its hover texts, and the current day in the day
// navigation. The page is whole without it: every entry shows, and hover
// texts open on hover and focus by CSS.
(function () {
  "use strict";

  var entries = [].slice.call(document.querySelectorAll("article.entry"));
  var sections = [].slice.call(document.querySelectorAll("section.day, details.day"));
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
    if (!link.hash) return null;
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target && target.closest("section.day, details.day");
  }

  // count sets the count of a day's link to n entries.
  // It changes the page only where the count changed: a change costs
  // the page's layout.
  function count(link, n) {
    var c = link.querySelector(".nav-count");
    if (!c || !c.firstChild || c.firstChild.nodeValue === String(n)) return;
    c.firstChild.nodeValue = String(n);
    var words = c.querySelector(".visually-hidden");
    if (words) words.textContent = n === 1 ? " entry" : " entries";
  }

  // setupFind narrows the list of who says so to the names that hold
  // what is typed in the box above it.
  function setupFind(find, select) {
    var labels = [].map.call(select.options, function (o) { return fold(o.textContent); });
    function narrow(ev) {
      if (ev) ev.stopPropagation(); // the box filters the list, not the entries
      var words = fold(find.value.trim()).split(" ");
      [].forEach.call(select.options, function (o, i) {
        o.hidden = i > 0 && !o.selected && !words.every(function (w) { return labels[i].indexOf(w) >= 0; });
      });
    }
    find.addEventListener("input", narrow);
    find.form.addEventListener("reset", function () { setTimeout(narrow, 0); });
    find.addEventListener("change", function (ev) { ev.stopPropagation(); });
    find.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      var first = [].filter.call(select.options, function (o, i) { return i > 0 && !o.hidden; })[0];
      if (first) {
        select.value = first.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        select.focus();
      }
    });
  }

  function setupFilters(form) {
    // The entries' texts, folded, are made at the first search: a long
    // page opens sooner without them.
    var texts = null;
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
      if (words.length && !texts) texts = entries.map(function (e) { return fold(e.textContent); });
      var source = el.source ? el.source.value : "";
      var speaker = el.speaker ? el.speaker.value : "";
      var disputed = el.disputed ? el.disputed.checked : false;
      var shown = 0;
      entries.forEach(function (e, i) {
        var ok = (!source || has(e.dataset.sources, source)) &&
          (!speaker || has(e.dataset.speakers, speaker)) &&
          (!disputed || e.hasAttribute("data-disputed")) &&
          words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        if (e.hidden === ok) e.hidden = !ok;
        if (ok) shown++;
      });
      sections.forEach(function (s) {
        var empty = !s.querySelector("article.entry:not([hidden])");
        if (s.hidden !== empty) s.hidden = empty;
      });
      navLinks.forEach(function (a) {
        var s = sectionOf(a);
        if (!s) return;
        if (a.parentNode.hidden !== s.hidden) a.parentNode.hidden = s.hidden;
        count(a, s.querySelectorAll("article.entry:not([hidden])").length);
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
    var find = document.getElementById("filter-speaker-find");
    if (find && el.speaker) setupFind(find, el.speaker);
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
