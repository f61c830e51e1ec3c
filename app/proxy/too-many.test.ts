import { describe, expect, it } from "vitest";
import { tooManyPage, wantsHtml } from "./too-many";

const request = (path: string, accept: string) =>
  new Request(`https://app.example/proxy${path}`, { headers: { accept } });
const BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

describe("the storefront's too-many-requests answer", () => {
  it("is a page for a form sent without JavaScript, JSON for scripts and beacons", () => {
    expect(wantsHtml(request("/faq?q=x", BROWSER))).toBe(true);
    expect(wantsHtml(request("/survey", "application/json"))).toBe(false);
    expect(wantsHtml(request("/faq/events", "*/*"))).toBe(false);
    expect(wantsHtml(new Request("https://app.example/proxy/faq/events"))).toBe(
      false,
    );
  });

  it("speaks the shopper's language when the request names it", async () => {
    const ja = tooManyPage(request("/faq?q=x&locale=ja", BROWSER));
    expect(ja.status).toBe(429);
    expect(ja.headers.get("content-type")).toMatch(/^application\/liquid/);
    const jaText = await ja.text();
    expect(jaText).toContain("少し待ってからもう一度お試しください");
    expect(jaText).not.toContain("Too many");
    const en = await tooManyPage(request("/faq?locale=en-GB", BROWSER)).text();
    expect(en).toContain("Please try again in a moment");
    expect(en).not.toContain("少し待って");
  });

  it("says it in Japanese and English when the language is unknown", async () => {
    for (const path of ["/survey", "/faq?locale={{shop.email}}"]) {
      const text = await tooManyPage(request(path, BROWSER)).text();
      expect(text).toContain("少し待って");
      expect(text).toContain("Please try again");
      expect(text).not.toMatch(/[{}]/);
    }
  });
});
