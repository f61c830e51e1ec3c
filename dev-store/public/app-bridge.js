/*
 * Tsunagu dev store: a small stand-in for Shopify's App Bridge (cdn.shopify.com/shopifycloud/app-bridge.js),
 * which cannot be loaded on these machines. It provides what the app uses, the same way App Bridge does:
 * window.shopify (idToken, toast, config...), session tokens on the app's own fetch() calls,
 * the session-token bounce page, and <ui-nav-menu>/<ui-title-bar> shown by the surrounding admin.
 * Used only when the app runs against the dev store.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var storeOrigin = new URL(script.src).origin;
  var apiKey = script.getAttribute("data-api-key") || "";
  var params = new URLSearchParams(location.search);
  var framed = window.parent !== window;
  var seq = 0;
  var waiting = {};
  var cached = null;

  function post(type, data) {
    if (framed)
      window.parent.postMessage(
        Object.assign({ type: "tsunagu:" + type }, data || {}),
        storeOrigin,
      );
  }

  window.addEventListener("message", function (event) {
    if (
      event.origin !== storeOrigin ||
      !event.data ||
      typeof event.data.type !== "string"
    )
      return;
    var data = event.data;
    if (data.type === "tsunagu:reply" && waiting[data.id]) {
      waiting[data.id](data.value);
      delete waiting[data.id];
    }
    if (data.type === "tsunagu:navigate") navigate(data.href);
  });

  function ask(type, data) {
    return new Promise(function (resolve) {
      var id = ++seq;
      waiting[id] = resolve;
      post(type, Object.assign({ id: id }, data || {}));
    });
  }

  function idToken() {
    if (cached && cached.exp - 10 > Date.now() / 1000)
      return Promise.resolve(cached.token);
    var fresh = framed
      ? ask("idToken")
      : fetch(storeOrigin + "/admin/_session-token", { method: "POST" })
          .then(function (r) {
            return r.json();
          })
          .then(function (j) {
            return j.token;
          });
    return fresh.then(function (token) {
      try {
        cached = {
          token: token,
          exp: JSON.parse(
            atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")),
          ).exp,
        };
      } catch (e) {
        cached = null;
      }
      return token;
    });
  }

  function toast(message, opts) {
    post("toast", {
      message: String(message),
      isError: Boolean(opts && opts.isError),
    });
    return "toast-" + ++seq;
  }

  window.shopify = {
    config: {
      apiKey: apiKey,
      shop: params.get("shop"),
      host: params.get("host"),
      locale: params.get("locale") || "ja",
    },
    environment: { embedded: framed, mobile: false, pos: false },
    idToken: idToken,
    toast: { show: toast, hide: function () {} },
    loading: function (on) {
      post("loading", { on: on !== false });
    },
    saveBar: {
      show: function () {
        return Promise.resolve();
      },
      hide: function () {
        return Promise.resolve();
      },
      toggle: function () {
        return Promise.resolve();
      },
      leaveConfirmation: function () {
        return Promise.resolve();
      },
    },
    modal: {
      show: function () {
        return Promise.resolve();
      },
      hide: function () {
        return Promise.resolve();
      },
      toggle: function () {
        return Promise.resolve();
      },
    },
    resourcePicker: function (options) {
      return ask("resourcePicker", { options: options || {} });
    },
    user: function () {
      return Promise.resolve({ accountAccess: "Account owner" });
    },
  };

  // Embedded apps authenticate their own requests with a fresh session token, as App Bridge does.
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(
      typeof input === "string"
        ? input
        : input instanceof URL
          ? input.href
          : input.url,
      location.href,
    );
    if (url.origin !== location.origin) return originalFetch(input, init);
    return idToken().then(function (token) {
      var headers = new Headers(
        (init && init.headers) ||
          (input instanceof Request ? input.headers : undefined),
      );
      headers.set("Authorization", "Bearer " + token);
      return originalFetch(
        input,
        Object.assign({}, init, { headers: headers }),
      ).then(function (res) {
        if (
          res.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1"
        ) {
          cached = null;
          return idToken().then(function (t) {
            headers.set("Authorization", "Bearer " + t);
            return originalFetch(
              input,
              Object.assign({}, init, { headers: headers }),
            );
          });
        }
        var reauth = res.headers.get(
          "X-Shopify-API-Request-Failure-Reauthorize-Url",
        );
        if (reauth) window.open(reauth, "_top");
        return res;
      });
    });
  };

  // The bounce page: get a token and reload the requested URL with it.
  if (params.get("shopify-reload")) {
    idToken().then(function (token) {
      var target = new URL(params.get("shopify-reload"), location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
  }

  function navItems() {
    return Array.prototype.map.call(
      document.querySelectorAll("ui-nav-menu a"),
      function (a) {
        return {
          href: a.getAttribute("href"),
          label: (a.textContent || "").trim(),
          home: a.getAttribute("rel") === "home",
        };
      },
    );
  }
  function reportNav() {
    post("nav", { items: navItems() });
  }
  function reportLocation() {
    post("location", { path: location.pathname });
  }

  // The app listens for "shopify:navigate" once it has hydrated; a click on the admin's menu before
  // then waits for the listener, as Shopify's App Bridge waits for the app, instead of being lost.
  var navListeners = 0;
  var pendingNav = null;
  var addListener = window.addEventListener;
  var removeListener = window.removeEventListener;
  window.addEventListener = function (type, fn, opts) {
    addListener.call(this, type, fn, opts);
    if (type !== "shopify:navigate") return;
    navListeners++;
    if (pendingNav) {
      var href = pendingNav;
      pendingNav = null;
      setTimeout(function () {
        navigate(href);
      }, 0);
    }
  };
  window.removeEventListener = function (type, fn, opts) {
    removeListener.call(this, type, fn, opts);
    if (type === "shopify:navigate")
      navListeners = Math.max(0, navListeners - 1);
  };

  function navigate(href) {
    var anchor = Array.prototype.find.call(
      document.querySelectorAll("ui-nav-menu a"),
      function (a) {
        return a.getAttribute("href") === href;
      },
    );
    if (!anchor) return location.assign(href);
    if (!navListeners) {
      pendingNav = href;
      return;
    }
    anchor.dispatchEvent(
      new CustomEvent("shopify:navigate", { bubbles: true }),
    );
  }

  if (!customElements.get("ui-nav-menu")) {
    customElements.define(
      "ui-nav-menu",
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
          reportNav();
          this._observer = new MutationObserver(reportNav);
          this._observer.observe(this, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
        }
      },
    );
  }
  if (!customElements.get("ui-title-bar")) {
    customElements.define(
      "ui-title-bar",
      class extends HTMLElement {
        static get observedAttributes() {
          return ["title"];
        }
        connectedCallback() {
          this.style.display = "none";
          post("title", { title: this.getAttribute("title") || "" });
        }
        attributeChangedCallback() {
          post("title", { title: this.getAttribute("title") || "" });
        }
      },
    );
  }

  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      var result = original.apply(this, arguments);
      reportLocation();
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);
  reportLocation();
})();
