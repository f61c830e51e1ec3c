import { describe, expect, it } from "vitest";
import { mergeTracking } from "./engine.server";
import { toFlow } from "./flows.server";
import { PRESETS } from "./presets";
import { renderTemplate, SAMPLE_CONTEXT } from "./templates";

describe("tracking on a scheduled shipping notice", () => {
  it("takes a fulfilment's latest tracking and keeps the other fulfilments'", () => {
    const a = {
      company: "Y",
      number: "1",
      url: "https://t/1",
      fulfillmentId: "f1",
    };
    const b = {
      company: "S",
      number: "2",
      url: "https://t/2",
      fulfillmentId: "f2",
    };
    const a2 = { ...a, number: "11", url: "https://t/11" };
    expect(mergeTracking([], [a])).toEqual([a]);
    expect(mergeTracking([a], [b])).toEqual([a, b]);
    expect(mergeTracking([a, b], [a2])).toEqual([b, a2]);
    // Entries scheduled before fulfilments were told apart: the same number is replaced.
    const old = { company: null, number: "2", url: null };
    expect(mergeTracking([old], [b])).toEqual([b]);
  });
});

describe("the ready-made shipping notice", () => {
  const row = (templates: unknown) => ({
    id: "f",
    preset: "tracking",
    name: "n",
    trigger: "fulfilled",
    conditions: "{}",
    marketing: false,
    channels: "email",
    steps: JSON.stringify([{ id: "main", delayMinutes: 0, templates }]),
    enabled: true,
  });
  const oldEn = {
    subject: "Your order {{ order_name }} is on its way",
    body: `<p>Hi {{ first_name }},</p><p>Your order {{ order_name }} has shipped. Follow it here:</p>{% for l in tracking_links %}<p><a href="{{ l.url }}">{{ l.title }}</a></p>{% endfor %}<p>{{ shop_name }}</p>`,
  };

  it("says where to follow the parcel only when there is a link", async () => {
    const en = PRESETS.find((p) => p.key === "tracking")!.templates.email.en;
    const none = await renderTemplate(en.body, "html", {
      ...SAMPLE_CONTEXT,
      tracking_links: [],
    });
    expect(none).not.toContain("Follow it here");
    expect(none).toContain("has shipped.");
    expect(await renderTemplate(en.body, "html", SAMPLE_CONTEXT)).toContain(
      "Follow it here:",
    );
  });

  it("reads a stored template the merchant never edited as today's wording; an edited one as written", () => {
    const current = PRESETS.find((p) => p.key === "tracking")!.templates.email;
    expect(
      toFlow(row({ email: { en: oldEn } })).steps[0].templates.email.en,
    ).toEqual(current.en);
    const edited = { ...oldEn, body: oldEn.body.replace("Hi", "Hello") };
    expect(
      toFlow(row({ email: { en: edited } })).steps[0].templates.email.en,
    ).toEqual(edited);
    expect(
      toFlow({ ...row({ email: { en: oldEn } }), preset: null }).steps[0]
        .templates.email.en,
    ).toEqual(oldEn);
  });
});
