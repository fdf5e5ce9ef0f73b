// YASGUI on this server's endpoint: one tab per example query (and one for ?query=, which YASGUI
// reads from the address itself), no autocompletion that would reach other hosts, and result links
// to this graph's entities opened as their pages, here.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("editor");
    if (!root || typeof Yasgui === "undefined") return;
    var endpoint = new URL(root.dataset.endpoint, location.href).href;
    var base = root.dataset.base;
    var examples = Array.prototype.map.call(document.querySelectorAll("textarea.example"), function (t) {
      return { name: t.dataset.name, query: t.value };
    });
    // prefixes and LOV completions fetch from prefix.cc and lov.linkeddata.es: keep to variables
    var completers = Yasgui.Yasqe.defaults.autocompleters;
    completers.splice(0, completers.length, "variables");
    root.textContent = "";
    var fromUrl = new URLSearchParams(location.search).has("query");
    var yasgui = new Yasgui(root, {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
      persistenceId: null,
      autoAddOnInit: false,
      populateFromUrl: function (config) {
        config.requestConfig = Object.assign({}, config.requestConfig, { endpoint: endpoint });
        config.name = "Your query";
        return config;
      },
      yasr: { prefixes: {} }
    });
    examples.forEach(function (e, i) {
      yasgui.addTab(!fromUrl && i === 0, { name: e.name, yasqe: { value: e.query }, requestConfig: { endpoint: endpoint } });
    });
    window.lodestarEditor = yasgui;
  });

  // An IRI of this graph ({base}id/type/slug) opens its page on this server, in this tab.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".yasr a[href]");
    var base = document.getElementById("editor") && document.getElementById("editor").dataset.base;
    if (!a || !base) return;
    var href = a.getAttribute("href");
    if (href.indexOf(base + "id/") !== 0) return;
    e.preventDefault();
    location.assign("/doc/" + href.substring((base + "id/").length));
  }, true);
})();
