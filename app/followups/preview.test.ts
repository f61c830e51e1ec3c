import { describe, expect, it } from "vitest";
import { previewFlowFrom } from "./flow-form";
import { previewTutorialLinks } from "./preview";

describe("the follow-up preview's tutorial links", () => {
  const ja = {
    kind: "video" as const,
    locales: { ja: { title: "使い方動画", url: "https://v.example/ja" } },
    products: [{ id: "1", title: "ケトル" }],
  };
  const en = {
    kind: "article" as const,
    locales: { en: { title: "Getting started", url: "https://a.example/en" } },
    products: [{ id: "2", title: "Mug" }],
  };

  it("are the preview order's, as a real send would show them", () => {
    expect(previewTutorialLinks([ja, en], ["2"], "en")).toEqual({
      links: [{ title: "Getting started", url: "https://a.example/en" }],
      note: null,
    });
  });

  it("else show as an example a tutorial written in the language previewed", () => {
    expect(previewTutorialLinks([ja, en], ["9"], "en")).toEqual({
      links: [{ title: "Getting started", url: "https://a.example/en" }],
      note: "exampleTutorial",
    });
    expect(previewTutorialLinks([ja, en], [], "ja").links[0].title).toBe(
      "使い方動画",
    );
    // None in that language: the first, in the language it has.
    expect(previewTutorialLinks([ja], [], "en")).toEqual({
      links: [{ title: "使い方動画", url: "https://v.example/ja" }],
      note: "exampleTutorial",
    });
    expect(previewTutorialLinks([], ["1"], "ja")).toEqual({
      links: [],
      note: "noTutorial",
    });
  });
});

describe("the texts being edited, for the preview", () => {
  it("are read from the form as typed, channels ticked only", () => {
    const form = new FormData();
    for (const [k, v] of [
      ["channels", "sms"],
      ["channels", "email"],
      ["step", "main"],
      ["steps.0.delayDays", "abc"],
      ["steps.0.email.ja.subject", "{{ order_name }} 未保存"],
      ["steps.0.email.ja.body", "<p>{% if x %}</p>"],
      ["steps.0.line.en.body", "LINE text"],
      ["step", ""],
      ["steps.1.sms.en.body", "Reminder {{ survey_link }}"],
    ])
      form.append(k, v);
    expect(previewFlowFrom(form)).toEqual({
      channels: ["email", "sms"],
      steps: [
        {
          templates: {
            email: {
              ja: {
                subject: "{{ order_name }} 未保存",
                body: "<p>{% if x %}</p>",
              },
            },
            line: { en: { body: "LINE text" } },
          },
        },
        { templates: { sms: { en: { body: "Reminder {{ survey_link }}" } } } },
      ],
    });
  });
});
