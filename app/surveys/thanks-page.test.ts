import { describe, expect, it } from "vitest";
import { thanksPage } from "./thanks-page";

describe("survey thanks page without JavaScript (served as Liquid)", () => {
  it("never lets the return path run as Liquid", () => {
    const html = thanksPage({
      locale: "ja",
      outcome: "recorded",
      back: "/pages/{{ customer.email }}{% if true %}",
    });
    expect(html).not.toMatch(/[{}]/);
    expect(html).toContain(
      'href="/pages/&#123;&#123; customer.email &#125;&#125;&#123;% if true %&#125;"',
    );
  });
});
