import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

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
});
