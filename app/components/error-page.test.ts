import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import {
  errorPageContent,
  homeHref,
  isShopifyAuthResponse,
} from "./error-page";

/** What Remix hands an ErrorBoundary for a thrown Response (isRouteErrorResponse's shape). */
const thrown = (status: number, data: unknown = "") => ({
  status,
  statusText: "",
  internal: false,
  data,
});

describe("admin error page", () => {
  it("says a missing record is not there, and leads back to its list", () => {
    const page = errorPageContent(thrown(404, "Not found"), "/app/faq/abc");
    expect(page).toEqual({
      title: "error.notFound",
      message: "error.notFoundHelp",
      back: { url: "/app/faq", page: "nav.faq" },
    });
    const ja = translator("ja");
    const en = translator("en");
    expect(ja(page.title)).toBe("見つかりません");
    expect(ja("error.backTo", { page: ja(page.back.page) })).toBe("FAQに戻る");
    expect(en("error.backTo", { page: en(page.back.page) })).toBe(
      "Back to FAQ",
    );
    expect(
      errorPageContent(thrown(404), "/app/surveys/responses/r1").back,
    ).toEqual({ url: "/app/surveys", page: "nav.surveys" });
    expect(
      errorPageContent(thrown(404), "/app/customers/groups/vip/").back,
    ).toEqual({ url: "/app/customers", page: "nav.customers" });
  });

  it("says something went wrong for every other error, thrown or not", () => {
    for (const error of [
      thrown(500),
      thrown(400, "bad"),
      thrown(502, '{"errors":"upstream"}'),
      new Error("database is locked"),
      "a string",
    ])
      expect(errorPageContent(error, "/app/followups/f1")).toMatchObject({
        title: "error.title",
        message: "error.generic",
        back: { url: "/app/followups" },
      });
    expect(translator("en")("error.generic")).toBe(
      "Something went wrong. Please try again.",
    );
  });

  it("leads a failing list page, or a page outside the menu, to the dashboard", () => {
    for (const path of ["/app/faq", "/app", "/app/data-requests/d1"])
      expect(errorPageContent(thrown(500), path).back).toEqual({
        url: "/app",
        page: "nav.dashboard",
      });
  });

  it("leaves Shopify's auth responses to Shopify's boundary, and nothing else", () => {
    // renderAppBridge (exit or re-enter the frame) and the session-token retry.
    expect(isShopifyAuthResponse(thrown(200, "<script>…</script>"))).toBe(true);
    expect(isShopifyAuthResponse(thrown(401))).toBe(true);
    for (const error of [
      thrown(404),
      thrown(500),
      thrown(410),
      new Error("x"),
      null,
    ])
      expect(isShopifyAuthResponse(error)).toBe(false);
  });

  it("keeps the frame's shop and host on the root page's link home", () => {
    expect(
      homeHref("?shop=a.myshopify.com&host=abc&id_token=secret&embedded=1"),
    ).toBe("/app?shop=a.myshopify.com&host=abc&embedded=1");
    expect(homeHref("")).toBe("/app");
  });
});
