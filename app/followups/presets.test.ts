import { describe, expect, it } from "vitest";
import { currentPresetTemplates, PRESETS } from "./presets";
import {
  checkTemplate,
  renderTemplate,
  safeUrl,
  SAMPLE_CONTEXT,
} from "./templates";

describe("ready-made flows", () => {
  it("have every template valid, in Japanese and English, for each of their channels", () => {
    for (const p of PRESETS) {
      for (const channel of p.channels) {
        for (const locale of ["ja", "en"]) {
          const t = p.templates[channel]?.[locale];
          expect(t, `${p.key} ${channel} ${locale}`).toBeDefined();
          expect(
            checkTemplate(t!.body, channel === "email" ? "html" : "text"),
            `${p.key} ${channel} ${locale}`,
          ).toBeNull();
          if (t!.subject) expect(checkTemplate(t!.subject, "text")).toBeNull();
        }
      }
    }
  });

  it("address the customer by name, and politely without one", async () => {
    const greeting = async (
      channel: "email" | "line" | "sms",
      locale: "ja" | "en",
      names: { first_name: string; last_name: string; full_name: string },
    ) => {
      const t = PRESETS.find((p) => p.key === "tracking")!.templates[channel][
        locale
      ];
      const text = await renderTemplate(
        t.body,
        channel === "email" ? "html" : "text",
        { ...SAMPLE_CONTEXT, ...names },
      );
      return text
        .replace(/<[^>]+>/g, "\n")
        .trim()
        .split(/[\n、]/)[0];
    };
    const yamada = {
      first_name: "花子",
      last_name: "山田",
      full_name: "山田 花子",
    };
    const familyOnly = { first_name: "", last_name: "山田", full_name: "山田" };
    const none = { first_name: "", last_name: "", full_name: "" };
    expect(await greeting("email", "ja", yamada)).toBe("山田 花子 様");
    expect(await greeting("email", "ja", familyOnly)).toBe("山田 様");
    expect(await greeting("email", "ja", none)).toBe("お客様");
    expect(await greeting("line", "ja", none)).toBe("お客様");
    expect(await greeting("email", "en", yamada)).toBe("Hi 花子,");
    expect(await greeting("email", "en", none)).toBe("Hi there,");
    // No preset greets with a bare honorific or comma, whatever the names.
    for (const p of PRESETS)
      for (const c of p.channels)
        for (const l of ["ja", "en"] as const) {
          const t = p.templates[c][l];
          const text = await renderTemplate(
            t.body,
            c === "email" ? "html" : "text",
            { ...SAMPLE_CONTEXT, ...none },
          );
          expect(text, `${p.key} ${c} ${l}`).not.toMatch(/(^|>|\s) 様|Hi ,/);
        }
  });

  it("greet by full name in flows created before, unless the merchant edited the text", () => {
    const now = PRESETS.find((p) => p.key === "winback")!.templates;
    const old = {
      body: now.line.ja.body.replace(
        /\{% if full_name[^]*?endif %\}/,
        "{{ first_name }} 様",
      ),
    };
    expect(old.body).toMatch(/^\{\{ first_name \}\} 様、/);
    expect(currentPresetTemplates("winback", { line: { ja: old } })).toEqual({
      line: { ja: now.line.ja },
    });
    const edited = {
      body: old.body.replace("お久しぶりです", "ごぶさたしています"),
    };
    expect(currentPresetTemplates("winback", { line: { ja: edited } })).toEqual(
      {
        line: { ja: edited },
      },
    );
  });

  it("carry an unsubscribe link in every marketing message", () => {
    for (const p of PRESETS.filter((x) => x.marketing))
      for (const c of p.channels)
        for (const l of ["ja", "en"])
          expect(p.templates[c][l].body, `${p.key} ${c} ${l}`).toContain(
            "unsubscribe_link",
          );
  });
});

describe("templates", () => {
  it("catch syntax errors and unknown variables at save time", () => {
    expect(checkTemplate("{{ first_name }} {% if %}", "html")).toMatchObject({
      kind: "syntax",
    });
    expect(checkTemplate("{{ first_nam }}", "html")).toMatchObject({
      kind: "variable",
    });
    expect(checkTemplate("{{ first_name | shout }}", "html")).toMatchObject({
      kind: "unknownFilter",
      name: "shout",
    });
    expect(
      checkTemplate("{{ first_name }} {{ order_name }}", "text"),
    ).toBeNull();
  });

  it("escape customer data in email HTML and keep text as text", async () => {
    const ctx = { ...SAMPLE_CONTEXT, first_name: "<script>alert(1)</script>" };
    expect(await renderTemplate("<p>{{ first_name }}</p>", "html", ctx)).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
    expect(await renderTemplate("{{ first_name }}", "text", ctx)).toBe(
      "<script>alert(1)</script>",
    );
  });

  it("never turns a non-http tracking URL into a link", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,x")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
    expect(safeUrl("https://track.example/1?x=1")).toBe(
      "https://track.example/1?x=1",
    );
  });
});

describe("quiet hours", () => {
  it("move a marketing message to the end of the shop's quiet hours, in its time zone", async () => {
    const { outsideQuietHours } = await import("./engine.server");
    const quiet = { start: 21, end: 9, timeZone: "Asia/Tokyo" };
    // 23:30 in Tokyo (14:30 UTC) waits until 09:00 Tokyo (00:00 UTC next day).
    expect(
      outsideQuietHours(new Date("2026-12-01T14:30:00Z"), quiet).toISOString(),
    ).toBe("2026-12-02T00:00:00.000Z");
    // 15:00 in Tokyo goes at once.
    expect(
      outsideQuietHours(new Date("2026-12-01T06:00:00Z"), quiet).toISOString(),
    ).toBe("2026-12-01T06:00:00.000Z");
    expect(
      outsideQuietHours(new Date("2026-12-01T06:00:00Z"), {
        ...quiet,
        start: 0,
        end: 0,
      }).toISOString(),
    ).toBe("2026-12-01T06:00:00.000Z");
  });
});
