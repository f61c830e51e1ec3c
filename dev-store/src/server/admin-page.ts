import { escapeHtml as esc } from "./html";
/**
 * The stand-in Shopify admin: a top bar, a sidebar whose app section is filled from the app's
 * <ui-nav-menu>, and the app in an iframe opened the way Shopify admin opens embedded apps.
 */

const copy = {
  ja: {
    home: "ホーム",
    orders: "注文管理",
    products: "商品管理",
    customers: "顧客管理",
    apps: "アプリ",
    note: "ローカル開発ストア — Shopify の代役",
    language: "English",
    pick: "商品を選択",
    search: "商品を検索",
    pickCollection: "コレクションを選択",
    searchCollection: "コレクションを検索",
    productUnit: "商品",
    select: "選択",
    cancel: "キャンセル",
    selected: "件選択中",
  },
  en: {
    home: "Home",
    orders: "Orders",
    products: "Products",
    customers: "Customers",
    apps: "Apps",
    note: "Local dev store — a stand-in for Shopify",
    language: "日本語",
    pick: "Select products",
    search: "Search products",
    pickCollection: "Select collections",
    searchCollection: "Search collections",
    productUnit: "products",
    select: "Select",
    cancel: "Cancel",
    selected: "selected",
  },
};

export function adminPage(o: {
  shopName: string;
  appName: string;
  frameSrc: string;
  appOrigin: string;
  locale: "ja" | "en";
}): string {
  const c = copy[o.locale];
  const other = o.locale === "ja" ? "en" : "ja";
  return `<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(o.appName)} · ${esc(o.shopName)} · Shopify</title>
<style>
  :root { --bar: #1a1a1a; --side: #ebebeb; --ink: #303030; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif; color: var(--ink); background: var(--side); height: 100vh; display: grid; grid-template-rows: 56px 1fr; grid-template-columns: 240px 1fr; }
  header { grid-column: 1 / 3; background: var(--bar); color: #fff; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  header .logo { font-weight: 700; letter-spacing: .02em; }
  header .store { margin-left: auto; display: flex; gap: 12px; align-items: center; }
  header a { color: #fff; opacity: .85; }
  header .note { font-size: 12px; opacity: .7; }
  nav { padding: 12px 8px; overflow: auto; }
  nav a { display: block; padding: 6px 10px; border-radius: 8px; color: var(--ink); text-decoration: none; }
  nav a:hover { background: #e1e1e1; }
  nav .section { margin: 14px 10px 4px; font-size: 12px; color: #616161; font-weight: 600; }
  nav .app a.active, nav .app a[aria-current="page"] { background: #fff; font-weight: 600; }
  nav .app .sub a { padding-left: 26px; }
  main { background: #f1f1f1; border-top-left-radius: 12px; overflow: hidden; display: flex; flex-direction: column; }
  main .title { padding: 10px 16px; font-weight: 600; font-size: 14px; border-bottom: 1px solid #e3e3e3; background: #fafafa; min-height: 40px; }
  iframe { border: 0; width: 100%; flex: 1; background: #f1f1f1; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); display: grid; gap: 8px; }
  .toast { background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 10px; }
  .toast.error { background: #8e1f0b; }
  dialog#picker { width: min(560px, 92vw); max-height: 80vh; border: 0; border-radius: 12px; padding: 0; box-shadow: 0 20px 50px rgba(0,0,0,.3); }
  dialog#picker::backdrop { background: rgba(0,0,0,.45); }
  #picker header { all: unset; display: block; padding: 14px 16px; font-weight: 600; font-size: 15px; border-bottom: 1px solid #e3e3e3; }
  #picker .body { padding: 12px 16px; display: grid; gap: 8px; }
  #picker input[type=search] { font: inherit; padding: 8px 10px; border: 1px solid #c9c9c9; border-radius: 8px; }
  #picker ul { list-style: none; margin: 0; padding: 0; max-height: 48vh; overflow: auto; border: 1px solid #ebebeb; border-radius: 8px; }
  #picker li label { display: flex; gap: 10px; align-items: center; padding: 8px 10px; border-bottom: 1px solid #f1f1f1; cursor: pointer; }
  #picker li small { color: #707070; margin-left: auto; }
  #picker footer { display: flex; gap: 8px; align-items: center; padding: 12px 16px; border-top: 1px solid #e3e3e3; }
  #picker footer .count { margin-right: auto; color: #616161; }
  #picker button { font: inherit; padding: 7px 14px; border-radius: 8px; border: 1px solid #c9c9c9; background: #fff; cursor: pointer; }
  #picker button.primary { background: #303030; color: #fff; border-color: #303030; }
</style>
</head>
<body>
<header>
  <span class="logo">Shopify</span>
  <span class="note">${esc(c.note)}</span>
  <span class="store"><a href="?locale=${other}" id="lang">${esc(c.language)}</a><strong>${esc(o.shopName)}</strong></span>
</header>
<nav aria-label="Shopify admin">
  <a href="#" aria-disabled="true">${esc(c.home)}</a>
  <a href="#" aria-disabled="true">${esc(c.orders)}</a>
  <a href="#" aria-disabled="true">${esc(c.products)}</a>
  <a href="#" aria-disabled="true">${esc(c.customers)}</a>
  <div class="section">${esc(c.apps)}</div>
  <div class="app" id="app-nav"><a href="#" id="app-home">${esc(o.appName)}</a><div class="sub" id="app-sub"></div></div>
</nav>
<main>
  <div class="title" id="title">${esc(o.appName)}</div>
  <iframe id="app-frame" name="app-iframe" title="${esc(o.appName)}" src="${esc(o.frameSrc)}"></iframe>
</main>
<div id="toasts" role="status" aria-live="polite"></div>
<dialog id="picker" aria-labelledby="picker-title">
  <form method="dialog">
    <header id="picker-title">${esc(c.pick)}</header>
    <div class="body">
      <input type="search" id="picker-q" placeholder="${esc(c.search)}" aria-label="${esc(c.search)}">
      <ul id="picker-list"></ul>
    </div>
    <footer><span class="count"><span id="picker-count">0</span> ${esc(c.selected)}</span><button value="cancel" type="submit">${esc(c.cancel)}</button><button value="select" type="submit" class="primary">${esc(c.select)}</button></footer>
  </form>
</dialog>
<script>
(function () {
  var appOrigin = ${JSON.stringify(o.appOrigin)};
  var frame = document.getElementById("app-frame");
  var sub = document.getElementById("app-sub");
  var home = document.getElementById("app-home");
  var items = [];
  var current = "/app";
  function send(msg) { frame.contentWindow.postMessage(msg, appOrigin); }
  function render() {
    sub.innerHTML = "";
    items.forEach(function (item) {
      var a = document.createElement("a");
      a.href = "#" + item.href;
      a.textContent = item.label;
      a.dataset.href = item.href;
      if (item.home) { home.textContent = item.label ? ${JSON.stringify(o.appName)} : home.textContent; home.dataset.href = item.href; return; }
      sub.appendChild(a);
    });
    mark();
  }
  function mark() {
    document.querySelectorAll("#app-nav a").forEach(function (a) {
      var on = a.dataset.href && (a.dataset.href === current || (a.dataset.href !== "/app" && current.indexOf(a.dataset.href) === 0));
      if (a.dataset.href === "/app" && current === "/app") on = true;
      a.classList.toggle("active", !!on);
      if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
  }
  document.getElementById("app-nav").addEventListener("click", function (e) {
    var a = e.target.closest("a");
    if (!a || !a.dataset.href) return;
    e.preventDefault();
    send({ type: "tsunagu:navigate", href: a.dataset.href });
  });
  window.addEventListener("message", function (e) {
    if (e.origin !== appOrigin || !e.data || typeof e.data.type !== "string") return;
    var d = e.data;
    if (d.type === "tsunagu:nav") { items = d.items || []; render(); }
    if (d.type === "tsunagu:location") { current = d.path; mark(); }
    if (d.type === "tsunagu:title") { document.getElementById("title").textContent = d.title || ${JSON.stringify(o.appName)}; }
    if (d.type === "tsunagu:toast") {
      var t = document.createElement("div");
      t.className = "toast" + (d.isError ? " error" : "");
      t.textContent = d.message;
      document.getElementById("toasts").appendChild(t);
      setTimeout(function () { t.remove(); }, 4000);
    }
    if (d.type === "tsunagu:idToken") {
      fetch("/admin/_session-token", { method: "POST" }).then(function (r) { return r.json(); }).then(function (j) {
        send({ type: "tsunagu:reply", id: d.id, value: j.token });
      });
    }
    if (d.type === "tsunagu:resourcePicker") {
      // Like Shopify's picker: search, tick several (when multiple), pre-ticked selectionIds;
      // answers the chosen resources, or undefined when cancelled.
      var opts = d.options || {};
      var type = opts.type === "collection" ? "collection" : "product";
      fetch("/admin/_resources?type=" + type).then(function (r) { return r.json(); }).then(function (list) {
        var dialog = document.getElementById("picker");
        var ul = document.getElementById("picker-list");
        var q = document.getElementById("picker-q");
        var words = ${JSON.stringify({ product: { pick: c.pick, search: c.search }, collection: { pick: c.pickCollection, search: c.searchCollection } })}[type];
        document.getElementById("picker-title").textContent = words.pick;
        q.placeholder = words.search;
        q.setAttribute("aria-label", words.search);
        var chosen = new Set((opts.selectionIds || []).map(function (x) { return x.id; }));
        function count() { document.getElementById("picker-count").textContent = String(chosen.size); }
        function draw() {
          var term = q.value.trim().toLowerCase();
          ul.innerHTML = "";
          list.filter(function (x) { return !term || (x.title + " " + (x.vendor || "")).toLowerCase().indexOf(term) >= 0; }).slice(0, 100).forEach(function (x) {
            var li = document.createElement("li");
            var label = document.createElement("label");
            var box = document.createElement("input");
            box.type = opts.multiple ? "checkbox" : "radio";
            box.name = "pick";
            box.checked = chosen.has(x.id);
            box.addEventListener("change", function () {
              if (!opts.multiple) chosen.clear();
              if (box.checked) chosen.add(x.id); else chosen.delete(x.id);
              count();
            });
            var title = document.createElement("span");
            title.textContent = x.title;
            var vendor = document.createElement("small");
            // Products show their vendor, collections how many products they hold.
            vendor.textContent = type === "collection" ? x.productsCount + " " + ${JSON.stringify(c.productUnit)} : x.vendor || "";
            label.append(box, title, vendor);
            li.appendChild(label);
            ul.appendChild(li);
          });
        }
        q.value = "";
        q.oninput = draw;
        q.onkeydown = function (e) { if (e.key === "Enter") e.preventDefault(); };
        draw();
        count();
        dialog.onclose = function () {
          var picked = dialog.returnValue === "select" ? list.filter(function (x) { return chosen.has(x.id); }) : undefined;
          send({ type: "tsunagu:reply", id: d.id, value: picked });
        };
        dialog.returnValue = "";
        dialog.showModal();
        q.focus();
      });
    }
  });
})();
</script>
</body>
</html>`;
}
