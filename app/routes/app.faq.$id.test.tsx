import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { validateEntry } from "../faq/entry";
import { rawEntryFromForm } from "../faq/form-data";

// The new-entry form as the loader and action hand it over; the server side is not needed.
let actionData: { errors: Record<string, string> } | undefined;

vi.mock("../db.server", () => ({ default: {} }));
vi.mock("../shopify.server", () => ({ authenticate: {} }));
vi.mock("@shopify/app-bridge-react", () => ({ TitleBar: () => null }));
vi.mock("@remix-run/react", () => ({
  useLoaderData: () => ({
    entry: null,
    draft: { question: "", locale: "ja", gap: "" },
  }),
  useActionData: () => actionData,
  useNavigation: () => ({ state: "idle" }),
  useSubmit: () => () => {},
  useRouteLoaderData: () => undefined,
  Form: ({ children }: { children: ReactNode }) => <form>{children}</form>,
}));

async function render() {
  const { default: FaqEntryForm } = await import("./app.faq.$id");
  return renderToStaticMarkup(
    <AppProvider i18n={ja}>
      <FaqEntryForm />
    </AppProvider>,
  );
}

/** The text of the field's error (Polaris links it by `<id>Error`), or null. */
function fieldError(html: string, label: string, nth = 0): string | null {
  const ids = [
    ...html.matchAll(/<label id="([^"]+)Label"[^>]*><span[^>]*>([^<]+)</g),
  ]
    .filter((m) => m[2] === label)
    .map((m) => m[1]);
  const id = ids[nth];
  if (!id) throw new Error(`no field ${label} #${nth}`);
  const m = new RegExp(
    `id="${id}Error"[\\s\\S]*?<span class="Polaris-Text[^"]*">([^<]+)<`,
  ).exec(html);
  return m?.[1] ?? null;
}

beforeEach(() => {
  actionData = undefined;
});

describe("the FAQ entry form", () => {
  it("shows how long the question and the category may be", async () => {
    const html = await render();
    expect(html).toMatch(/maxLength="300"|maxlength="300"/);
    expect(html).toMatch(/maxLength="80"|maxlength="80"/);
    expect(html).toContain("0/300");
    expect(html).toContain("0/80");
  });

  it("puts an empty form's errors on the first language's question and answer, with one banner", async () => {
    const form = new FormData();
    for (const locale of ["ja", "en"]) {
      form.append("locale", locale);
      for (const f of ["question", "answer", "category", "phrasings"])
        form.append(f, "");
    }
    const parsed = validateEntry(rawEntryFromForm(form), () => "x");
    if (parsed.ok) throw new Error("an empty form was accepted");
    actionData = { errors: parsed.errors };
    const html = await render();
    expect(fieldError(html, "質問")).toBe("質問を入力してください。");
    expect(fieldError(html, "質問", 1)).toBeNull();
    expect(html.split(">回答を入力してください。<").length).toBe(2);
    expect(html.match(/Polaris-Banner/g)?.length).toBeGreaterThan(0);
    expect(html).toContain(
      "少なくとも1つの言語で質問と回答を入力してください。",
    );
    // Said once, at the top: not again under "add a language" at the bottom.
    expect(
      html.split("少なくとも1つの言語で質問と回答を入力してください。").length,
    ).toBe(2);
    expect(html.indexOf("少なくとも1つの言語")).toBeLessThan(
      html.indexOf("言語: 日本語"),
    );
  });
});
