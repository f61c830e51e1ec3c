import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The list as the loader hands it over; the route's server side is not needed to render it.
const question =
  "定期便のお届け周期を途中で変更したい場合や、一度だけお届けをお休みしたい場合、マイページのどこから手続きすればよいですか?また、次回のお届け日の何日前までに変更すれば反映されますか?";
const data = {
  entries: [
    {
      id: "e1",
      handle: "teiki",
      published: true,
      views: 12,
      helpful: 3,
      notHelpful: 1,
      translations: [
        { locale: "ja", question, category: "定期便", unfilled: false },
      ],
    },
  ],
  settings: { publishError: null, publishedAt: null, publishedInfo: null },
  pending: false,
  starterCount: 12,
};

vi.mock("../db.server", () => ({ default: {} }));
vi.mock("../shopify.server", () => ({ authenticate: {} }));
vi.mock("@shopify/app-bridge-react", () => ({ TitleBar: () => null }));
vi.mock("@remix-run/react", () => {
  const fetcher = {
    state: "idle",
    data: undefined,
    submit: () => {},
    load: () => {},
    Form: ({ children }: { children: ReactNode }) => <form>{children}</form>,
  };
  return {
    useLoaderData: () => data,
    useRouteLoaderData: () => undefined,
    useNavigate: () => () => {},
    useFetcher: () => fetcher,
    useRevalidator: () => ({ state: "idle", revalidate: () => {} }),
    useSearchParams: () => [new URLSearchParams(), () => {}],
    Link: ({ to, children }: { to: string; children: ReactNode }) => (
      <a href={to}>{children}</a>
    ),
  };
});

describe("the FAQ list", () => {
  it("lists entries in the order shoppers see them: categories by their first entry, uncategorised last, then 表示順", async () => {
    const saved = data.entries;
    const make = (id: string, position: number, category: string) => ({
      ...saved[0],
      id,
      handle: id,
      position,
      translations: [
        { locale: "ja", question: `Q-${id}`, category, unfilled: false },
      ],
    });
    // From the database by position, then age.
    data.entries = [
      make("gift", 0, ""),
      make("ship", 0, "配送"),
      make("pay", 1, "お支払い"),
      make("ret", 2, "返品"),
      make("ship2", 3, "配送"),
    ];
    try {
      const { default: FaqList } = await import("./app.faq._index");
      const html = renderToStaticMarkup(
        <AppProvider i18n={ja}>
          <FaqList />
        </AppProvider>,
      );
      const order = [...html.matchAll(/>Q-([a-z0-9]+)</g)].map((m) => m[1]);
      expect(order).toEqual(["ship", "ship2", "pay", "ret", "gift"]);
    } finally {
      data.entries = saved;
    }
  });

  it("clamps a long question to two lines, the whole of it on hover", async () => {
    const { default: FaqList } = await import("./app.faq._index");
    const html = renderToStaticMarkup(
      <AppProvider i18n={ja}>
        <FaqList />
      </AppProvider>,
    );
    expect(html).toContain(`title="${question}"`);
    expect(html).toContain("-webkit-line-clamp:2");
    expect(html).toContain("max-width:28rem");
  });
});
