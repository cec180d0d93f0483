// Added by `followthrough serve` to the pages it serves, never to a published site: asks serve to
// tell this page when it has changed, and then reloads it.
(function () {
  var version = document.currentScript.getAttribute("data-version");
  var events = new EventSource("/__followthrough/events?page=" + encodeURIComponent(location.pathname + location.search)
      + "&version=" + encodeURIComponent(version));
  events.addEventListener("reload", function () {
    events.close();
    location.reload();
  });
})();
