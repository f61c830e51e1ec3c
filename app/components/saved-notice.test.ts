import { describe, expect, it } from "vitest";
import { savedUrl, skipRevalidateOnSavedDrop } from "./saved-notice";

describe("the saved notice after a redirect", () => {
  it("marks the list it redirects to, keeping what its URL already says", () => {
    expect(savedUrl("/app/faq")).toBe("/app/faq?saved=1");
    expect(savedUrl("/app/surveys?sentiment=negative")).toBe(
      "/app/surveys?sentiment=negative&saved=1",
    );
  });

  const check = (current: string, next: string, formMethod?: "POST") =>
    skipRevalidateOnSavedDrop({
      currentUrl: new URL(current, "https://app.test"),
      currentParams: {},
      nextUrl: new URL(next, "https://app.test"),
      nextParams: {},
      formMethod,
      defaultShouldRevalidate: true,
    });

  it("does not load the list again only to drop the flag", () => {
    expect(check("/app/faq?saved=1", "/app/faq")).toBe(false);
    expect(
      check(
        "/app/surveys?host=abc&saved=1&shop=s",
        "/app/surveys?host=abc&shop=s",
      ),
    ).toBe(false);
  });

  it("loads it as usual for anything else", () => {
    expect(check("/app/faq?saved=1", "/app/faq?saved=1")).toBe(true);
    expect(check("/app/faq", "/app/faq")).toBe(true);
    expect(check("/app/surveys?saved=1", "/app/surveys?loyalty=none")).toBe(
      true,
    );
    expect(check("/app/faq?saved=1", "/app/faq/new")).toBe(true);
    expect(check("/app/faq?saved=1", "/app/faq", "POST")).toBe(true);
  });
});
