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
    expect(checkTemplate("{% if x %}", "text")?.kind).toBe("unclosedBlock");
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

  it("says what is wrong as a kind the admin translates, with where and what", () => {
    expect(checkTemplate("x".repeat(10_001), "text")).toEqual({
      kind: "tooLong",
      message: "",
    });
    expect(checkTemplate("{{ password }}", "text")).toMatchObject({
      kind: "variable",
      line: 1,
      col: 4,
      name: "password",
    });
    expect(
      checkTemplate("ご注文 {{ order_name を発送しました", "text"),
    ).toMatchObject({ kind: "unclosedOutput", line: 1, col: 5 });
    expect(checkTemplate("{% if first_name", "text")).toMatchObject({
      kind: "unclosedTag",
    });
    expect(
      checkTemplate("こんにちは\n{%- for l in tracking_links %}", "html"),
    ).toMatchObject({
      kind: "unclosedBlock",
      line: 2,
      col: 1,
      name: "{%- for l in tracking_links %}",
      end: "{% endfor %}",
    });
    expect(checkTemplate("{% endif %}", "text")).toMatchObject({
      kind: "unknownTag",
      name: "endif",
    });
    expect(checkTemplate("{{ order_name | shout }}", "text")).toMatchObject({
      kind: "unknownFilter",
      name: "shout",
    });
    // Anything else keeps liquidjs's words, for the admin to show as detail.
    expect(checkTemplate("{% if %}{% endif %}", "text")).toMatchObject({
      kind: "syntax",
      message: expect.stringContaining("invalid value expression"),
    });
  });
});
