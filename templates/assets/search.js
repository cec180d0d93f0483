/*
 * Searches the organisations, plans and actions in the index built with the site (search/index/), in the browser: no server,
 * nothing from another site. It fetches the index's description, then only the buckets of the words searched
 * for and the shards of the documents it shows. Words are split, and buckets chosen, exactly as the build's
 * SearchIndex does. Without JavaScript the search page points to the lists of plans and actions instead.
 */
(function () {
  "use strict";
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  var STOP = ["an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its", "of", "on",
    "or", "that", "the", "their", "this", "to", "was", "were", "which", "will", "with"];
  var MOST = 50;

  Array.prototype.forEach.call(document.querySelectorAll("[data-search-form]"), function (form) { form.hidden = false; });
  var page = document.querySelector("[data-search-page]");
  if (!page) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("[data-search-fallback]"), function (el) { el.hidden = true; });
  var input = page.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  var base = document.querySelector("script[src$='assets/search.js']").getAttribute("src").replace(/assets\/search\.js$/, "") + "search/index/";
  var root = base.replace(/search\/index\/$/, "");

  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}+/gu, "").split(/[^a-z0-9]+/)
      .filter(function (w) { return w.length >= 2 && STOP.indexOf(w) < 0; });
  }
  function bucket(word, buckets) {
    return (ALPHABET.indexOf(word.charAt(0)) * ALPHABET.length + ALPHABET.indexOf(word.charAt(1))) % buckets;
  }
  var cache = {};
  function load(file) {
    if (!cache[file]) {
      cache[file] = fetch(base + file).then(function (r) {
        if (!r.ok) { throw new Error(file + ": " + r.status); }
        return r.json();
      });
    }
    return cache[file];
  }
  function ids(gaps) {
    var out = [], id = 0;
    gaps.forEach(function (gap) { id += gap; out.push(id); });
    return out;
  }

  /* The documents holding every word, each word matching the words of the index that start with it. */
  function find(query, meta) {
    var wanted = words(query);
    if (!wanted.length) { return Promise.resolve({ wanted: wanted, found: [] }); }
    return Promise.all(wanted.map(function (w) { return load("words-" + bucket(w, meta.buckets) + ".json"); })).then(function (buckets) {
      var scores = null;
      wanted.forEach(function (w, i) {
        var these = {};
        Object.keys(buckets[i]).forEach(function (term) {
          if (term.lastIndexOf(w, 0) === 0) {
            ids(buckets[i][term]).forEach(function (id) { these[id] = Math.max(these[id] || 0, term === w ? 2 : 1); });
          }
        });
        if (scores === null) {
          scores = these;
        } else {
          Object.keys(scores).forEach(function (id) {
            if (these[id]) { scores[id] += these[id]; } else { delete scores[id]; }
          });
        }
      });
      var found = Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
      return { wanted: wanted, found: found };
    });
  }

  function show(query, meta, outcome) {
    results.textContent = "";
    if (!outcome.wanted.length) {
      status.textContent = query ? "Type a word of two letters or more that is not as common as “" + query + "”." : "";
      return Promise.resolve();
    }
    var shown = outcome.found.slice(0, MOST);
    var shards = {};
    shown.forEach(function (id) { shards[Math.floor(id / meta.docsPerShard)] = true; });
    return Promise.all(Object.keys(shards).map(function (n) {
      return load("docs-" + n + ".json").then(function (docs) { return [Number(n), docs]; });
    })).then(function (loaded) {
      var byShard = {};
      loaded.forEach(function (pair) { byShard[pair[0]] = pair[1]; });
      shown.forEach(function (id) {
        var doc = byShard[Math.floor(id / meta.docsPerShard)][id % meta.docsPerShard];
        var li = document.createElement("li");
        var heading = document.createElement("p");
        var link = document.createElement("a");
        link.href = root + doc[2];
        link.textContent = doc[1];
        if (doc[0] === "action" && doc[3]) {
          // results from many plans share "Action 1.1": its plan, shown below, is also part of what the link is called
          var plan = document.createElement("span");
          plan.className = "visually-hidden";
          plan.textContent = " of " + doc[3];
          link.appendChild(plan);
        }
        heading.appendChild(link);
        var strong = document.createElement("strong");
        strong.textContent = doc[0] === "plan" ? "Plan: " : doc[0] === "organisation" ? "Organisation: " : "";
        heading.insertBefore(strong, link);
        li.appendChild(heading);
        [doc[3], doc[4], doc[5]].forEach(function (text, i) {
          if (text) {
            var p = document.createElement("p");
            p.className = i === 0 ? "caption" : "small";
            p.textContent = text;
            li.appendChild(p);
          }
        });
        results.appendChild(li);
      });
      var total = outcome.found.length;
      status.textContent = total === 0 ? "Nothing found for “" + query + "”. Try fewer words, or the start of a word."
        : total + (total === 1 ? " result" : " results") + " for “" + query + "”"
          + (total > MOST ? ", of which the first " + MOST + " are shown: add a word to narrow them." : ".");
    });
  }

  function run(query) {
    status.textContent = "Searching…";
    load("meta.json").then(function (meta) {
      return find(query, meta).then(function (outcome) { return show(query, meta, outcome); });
    }).catch(function () {
      status.textContent = "The search could not be loaded. The list of plans and the list of actions can be narrowed without it.";
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (query) { run(query); }
  page.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value.trim();
    history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : window.location.pathname);
    run(q);
  });
}());
