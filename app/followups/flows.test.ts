import { describe, expect, it } from "vitest";
import { stepOffsets, validateFlow, type StepInput } from "./flows.server";
import { flowInputFrom, newStepId } from "./flow-form";

const email = (
  body = '<p>{{ first_name }} 様</p><a href="{{ unsubscribe_link }}">配信停止</a>',
) => ({ email: { ja: { subject: "{{ order_name }} のご案内", body } } });
const base = {
  name: "フォロー",
  trigger: "delivered",
  conditions: {},
  marketing: true,
  channels: ["email"],
  enabled: true,
};
let n = 0;
const ids = () => `abc${String(n++).padStart(5, "0")}`;

describe("validateFlow steps", () => {
  it("keeps step ids, gives new steps one, and turns days into minutes", () => {
    const steps: StepInput[] = [
      { id: "main", delayDays: "1", templates: email() },
      { id: "", delayDays: "0.5", templates: email() },
    ];
    const r = validateFlow({ ...base, steps }, ids);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.steps.map((s) => [s.id, s.delayMinutes])).toEqual([
      ["main", 1440],
      [expect.stringMatching(/^abc\d{5}$/), 720],
    ]);
    expect(stepOffsets(r.value.steps)).toEqual([1440, 2160]);
  });

  it("reports errors per step field and saves nothing", () => {
    const r = validateFlow(
      {
        ...base,
        steps: [
          { id: "main", delayDays: "1", templates: email() },
          {
            id: "",
            delayDays: "-3",
            templates: { email: { ja: { subject: "", body: "{{ nope }}" } } },
          },
        ],
      },
      ids,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "steps.1.delayDays",
        "steps.1.email.ja.body",
        "steps.1.email.ja.subject",
      ]),
    );
    expect(fields.some((f) => f.startsWith("steps.0"))).toBe(false);
  });

  it("needs 1 to 10 steps, each with a message on every chosen channel, and no duplicate or foreign ids", () => {
    const none = validateFlow({ ...base, steps: [] }, ids);
    expect(none.ok || none.errors.map((e) => e.field)).toContain("steps");
    const many = validateFlow(
      {
        ...base,
        steps: Array.from({ length: 11 }, () => ({
          id: "",
          delayDays: "1",
          templates: email(),
        })),
      },
      ids,
    );
    expect(many.ok || many.errors.map((e) => e.field)).toContain("steps");
    const dup = validateFlow(
      {
        ...base,
        steps: [
          { id: "main", delayDays: "0", templates: email() },
          { id: "main", delayDays: "1", templates: email() },
        ],
      },
      ids,
    );
    expect(dup.ok).toBe(false);
    const forged = validateFlow(
      {
        ...base,
        steps: [{ id: "x'; drop", delayDays: "0", templates: email() }],
      },
      ids,
    );
    expect(forged.ok).toBe(false);
    const noLine = validateFlow(
      {
        ...base,
        channels: ["email", "line"],
        steps: [{ id: "main", delayDays: "0", templates: email() }],
      },
      ids,
    );
    expect(noLine.ok || noLine.errors.map((e) => e.field)).toContain(
      "steps.0.line.body",
    );
  });

  it("marketing steps need the unsubscribe link, transactional ones do not", () => {
    const steps = [
      {
        id: "main",
        delayDays: "0",
        templates: email("<p>{{ first_name }}</p>"),
      },
    ];
    expect(validateFlow({ ...base, steps }, ids).ok).toBe(false);
    expect(validateFlow({ ...base, marketing: false, steps }, ids).ok).toBe(
      true,
    );
  });
});

describe("flowInputFrom", () => {
  it("reads steps in posted order with their own fields", () => {
    const form = new FormData();
    form.append("name", "Win-back");
    form.append("channels", "email");
    for (const [i, id, days, body] of [
      [0, "main", "120", "first"],
      [1, "", "30", "second"],
    ] as const) {
      form.append("step", id);
      form.append(`steps.${i}.delayDays`, days);
      form.append(`steps.${i}.email.ja.subject`, `件名${i}`);
      form.append(`steps.${i}.email.ja.body`, body);
    }
    const input = flowInputFrom(form);
    expect(input.steps).toEqual([
      {
        id: "main",
        delayDays: "120",
        templates: { email: { ja: { subject: "件名0", body: "first" } } },
      },
      {
        id: "",
        delayDays: "30",
        templates: { email: { ja: { subject: "件名1", body: "second" } } },
      },
    ]);
  });
});

describe("newStepId", () => {
  it("makes ids validateFlow accepts, so a step keeps its id from the first save on", () => {
    const id = newStepId();
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    const r = validateFlow(
      {
        ...base,
        steps: [
          { id: "main", delayDays: "0", templates: email() },
          { id, delayDays: "3", templates: email() },
        ],
      },
      ids,
    );
    expect(r.ok && r.value.steps[1].id).toBe(id);
  });
});
