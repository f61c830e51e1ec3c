import { AppProvider } from "@shopify/polaris";
import ja from "@shopify/polaris/locales/ja.json";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translator, type Locale } from "../i18n/i18n";
import { FlowStepCard } from "./FlowStepCard";

const render = (adminLocale: Locale) =>
  renderToStaticMarkup(
    <AppProvider i18n={ja}>
      <FlowStepCard
        index={0}
        count={1}
        step={{ key: "main", id: "main", delayDays: "1", texts: {} }}
        channels={["email"]}
        stats={null}
        t={translator(adminLocale)}
        adminLocale={adminLocale}
        err={() => undefined}
        onChange={() => {}}
        onRemove={() => {}}
        onMoveUp={() => {}}
      />
    </AppProvider>,
  );

describe("a flow step in the editor", () => {
  it("names each message's language in the admin's language, not by its code", () => {
    const jaHtml = render("ja");
    expect(jaHtml).toContain("件名(日本語)");
    expect(jaHtml).toContain("本文(英語)");
    expect(jaHtml).not.toContain("件名(ja)");
    const enHtml = render("en");
    expect(enHtml).toContain("Subject (English)");
    expect(enHtml).toContain("Message (Japanese)");
  });

  // The server checks the wait and says what is wrong in the admin's language; a number input
  // with min/step would stop the form first with the browser's own bubble, in its language.
  it("leaves checking the wait to the server", () => {
    const html = render("ja");
    expect(html).not.toMatch(/type="number"|min="|step="/);
    expect(html).toContain('inputMode="decimal"');
  });
});
