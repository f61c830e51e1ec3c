import { describe, expect, it } from "vitest";
import { SAMPLE_CONTEXT, checkTemplate, renderTemplate } from "./templates";

describe("message templates", () => {
  it("renders a real message, escaping HTML in email bodies", async () => {
    expect(
      checkTemplate("{{ first_name }}様、{{ order_name }}", "html"),
    ).toBeNull();
    const html = await renderTemplate("<p>{{ first_name }}</p>", "html", {
      ...SAMPLE_CONTEXT,
      first_name: "<b>花子</b>",
    });
    expect(html).toBe("<p>&lt;b&gt;花子&lt;/b&gt;</p>");
    expect(checkTemplate("{{ password }}", "text")?.kind).toBe("variable");
    expect(checkTemplate("{% if %}", "text")?.kind).toBe("syntax");
  });

  it("refuses a template whose render would stall the shared process, on check and at send", async () => {
    // Seventy characters, thirty million iterations: seconds of a blocked event loop unbounded.
    const loop =
      "{% for i in (1..3000000) %}{% for j in (1..10) %}x{% endfor %}{% endfor %}";
    for (const format of ["html", "text"] as const)
      expect(checkTemplate(loop, format)).toMatchObject({ kind: "tooHeavy" });
    await expect(
      renderTemplate(loop, "text", SAMPLE_CONTEXT),
    ).rejects.toThrow();
    // A long but ordinary message is still fine.
    const long = `{% for l in tracking_links %}{{ l.title }} {{ l.url }}\n{% endfor %}${"ご購入ありがとうございます。".repeat(400)}`;
    expect(checkTemplate(long, "text")).toBeNull();
  });

  it("says what is wrong as a kind the admin translates, with liquidjs's words as detail", () => {
    expect(checkTemplate("x".repeat(10_001), "text")).toEqual({
      kind: "tooLong",
      message: "",
    });
    expect(checkTemplate("{{ password }}", "text")).toEqual({
      kind: "variable",
      message: "undefined variable: password, line:1, col:4",
    });
    expect(checkTemplate("{% if x %}", "text")).toMatchObject({
      kind: "syntax",
      message: expect.stringContaining("not closed"),
    });
  });
});
