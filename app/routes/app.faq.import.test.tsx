// @vitest-environment jsdom
import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The import page in a browser-like DOM, its action's answer set by the test as Remix would.
vi.hoisted(() => {
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
  // Polaris asks for the viewport's size as it loads; jsdom has no layout.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  // …and the drop zone for its own (to pick a layout): never resized here.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
let answer: unknown;
const submit = vi.fn();

vi.mock("../db.server", () => ({ default: {} }));
vi.mock("../shopify.server", () => ({ authenticate: {} }));
vi.mock("@shopify/app-bridge-react", () => ({ TitleBar: () => null }));
vi.mock("@remix-run/react", () => ({
  useActionData: () => answer,
  useNavigation: () => ({ state: "idle" }),
  useSubmit: () => submit,
  useRouteLoaderData: () => undefined,
  Form: ({ children }: { children: ReactNode }) => <form>{children}</form>,
}));

let root: Root;
let container: HTMLElement;

async function render() {
  const { default: FaqImport } = await import("./app.faq.import");
  await act(async () =>
    root.render(
      <AppProvider i18n={ja}>
        <FaqImport />
      </AppProvider>,
    ),
  );
}

async function choose(name: string) {
  const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
  const file = new File(["handle,locale\n"], name, { type: "text/csv" });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const text = () => container.textContent ?? "";
const button = (label: string) =>
  [...container.querySelectorAll("button")].find(
    (b) => b.textContent === label,
  );
// Polaris marks a disabled button with aria-disabled (it stays focusable for screen readers).
const disabled = (label: string) =>
  button(label)?.getAttribute("aria-disabled") === "true";

beforeEach(() => {
  answer = undefined;
  submit.mockClear();
  container = document.body.appendChild(document.createElement("div"));
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("the FAQ import page", () => {
  it("says an import's result once, and not over the next file", async () => {
    await render();
    await choose("a.csv");
    answer = { step: "done", created: 3, updated: 1, bad: [] };
    await render();
    expect(text()).toContain("取り込みました: 新規3件、更新1件。");
    // The same answer on the next render is not news; the imported file is no longer armed.
    await render();
    expect(text().split("取り込みました").length).toBe(2);
    expect(disabled("ファイルを確認")).toBe(true);

    await choose("b.csv");
    expect(text()).toContain("b.csv");
    expect(text()).not.toContain("取り込みました");
    expect(disabled("ファイルを確認")).toBe(false);
  });

  it("takes a review away once another file is chosen, so its button cannot import the old rows", async () => {
    await render();
    await choose("a.csv");
    answer = {
      step: "review",
      csv: "handle,locale\nold,ja",
      rows: 2,
      good: 1,
      bad: [{ row: 3, reason: "faq.import.columns" }],
    };
    await render();
    expect(button("問題のない1行を取り込む")).toBeDefined();

    await choose("b.csv");
    expect(button("問題のない1行を取り込む")).toBeUndefined();
    expect(container.querySelector("input[name=csv]")).toBeNull();

    // The answer about b.csv shows, even when it says the same as a.csv's.
    answer = { step: "done", created: 0, updated: 1, bad: [] };
    await render();
    expect(text()).toContain("取り込みました: 新規0件、更新1件。");
  });
});
