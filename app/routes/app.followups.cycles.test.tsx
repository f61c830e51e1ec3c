import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The cycles page against a database that records what it is asked to write.
const db = vi.hoisted(() => ({
  $transaction: vi.fn(async (ops: unknown[]) => ops),
  productCycle: {
    findMany: vi.fn(async () => []),
    deleteMany: vi.fn(() => "deleteMany"),
    upsert: vi.fn(() => "upsert"),
  },
}));
let actionData: { errors: Record<string, string>; saved: boolean } | undefined;

vi.mock("../db.server", () => ({ default: db }));
vi.mock("../shopify.server", () => ({
  authenticate: {
    admin: async () => ({ session: { shop: "tsunagu-dev.myshopify.com" } }),
  },
}));
vi.mock("@shopify/app-bridge-react", () => ({
  TitleBar: () => null,
  useAppBridge: () => ({}),
}));
vi.mock("@remix-run/react", () => ({
  useLoaderData: () => ({
    cycles: [
      { productId: "11", title: "化粧水", days: 30 },
      { productId: "12", title: "コーヒー豆", days: 14 },
    ],
  }),
  useActionData: () => actionData,
  useNavigation: () => ({ state: "idle" }),
  useRouteLoaderData: () => undefined,
  Form: ({
    children,
    noValidate,
  }: {
    children: ReactNode;
    noValidate?: boolean;
  }) => <form noValidate={noValidate}>{children}</form>,
}));

const post = async (rows: { productId: string; days: string }[]) => {
  const { action } = await import("./app.followups.cycles");
  const form = new FormData();
  form.set("cycles", JSON.stringify(rows.map((r) => ({ title: "x", ...r }))));
  const res = await action({
    request: new Request("https://app.example/app/followups/cycles", {
      method: "POST",
      body: form,
    }),
    params: {},
    context: {},
  });
  return { status: res.status, body: await res.json() };
};

async function render() {
  const { default: CyclesPage } = await import("./app.followups.cycles");
  return renderToStaticMarkup(
    <AppProvider i18n={ja}>
      <CyclesPage />
    </AppProvider>,
  );
}

beforeEach(() => {
  actionData = undefined;
  vi.clearAllMocks();
});

describe("saving consumption cycles", () => {
  it("refuses the whole list when one row's days are wrong, writing nothing", async () => {
    for (const days of ["", "0", "-3", "2.5", "abc", "366", "9".repeat(30)]) {
      const { status, body } = await post([
        { productId: "11", days: "30" },
        { productId: "12", days },
      ]);
      expect(status, days).toBe(422);
      expect(body.errors, days).toEqual({
        "12": days === "" ? "required" : "days",
      });
    }
    expect(db.$transaction).not.toHaveBeenCalled();
    expect(db.productCycle.upsert).not.toHaveBeenCalled();
    expect(db.productCycle.deleteMany).not.toHaveBeenCalled();
  });

  it("saves full-width days as the number they are", async () => {
    const { status, body } = await post([{ productId: "11", days: "３０" }]);
    expect(status).toBe(200);
    expect(body).toEqual({ errors: {}, saved: true });
    expect(db.productCycle.upsert).toHaveBeenCalledWith(
      expect.objectContaining({
        create: {
          shop: "tsunagu-dev.myshopify.com",
          productId: "11",
          title: "x",
          days: 30,
        },
      }),
    );
  });
});

describe("the cycles page", () => {
  it("leaves checking the days to the server, not the browser's bubbles", async () => {
    const html = await render();
    expect(html).toContain("<form novalidate");
    expect(html).not.toMatch(/type="number"|min="|max="/);
    expect(html).toContain('inputMode="numeric"');
  });

  it("says beside the row what is wrong with its days, in the admin's language", async () => {
    actionData = { errors: { "12": "required" }, saved: false };
    let html = await render();
    expect(html).toContain("入力内容を確認してください。");
    // The error follows the second row's field, not the first's.
    const second = html.indexOf("日数: コーヒー豆");
    expect(html.indexOf("日数を入力してください")).toBeGreaterThan(second);
    expect(html.indexOf("日数: 化粧水")).toBeLessThan(second);
    expect(html.split("日数を入力してください").length).toBe(2);

    actionData = { errors: { "11": "days" }, saved: false };
    html = await render();
    const at = html.indexOf("1〜365の整数で入力してください");
    expect(at).toBeGreaterThan(html.indexOf("日数: 化粧水"));
    expect(at).toBeLessThan(html.indexOf("日数: コーヒー豆"));
  });
});
