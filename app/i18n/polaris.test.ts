import { describe, expect, it } from "vitest";
import { polarisTranslations } from "./polaris";

type Strings = { [key: string]: string | Strings };
const at = (strings: Strings, path: string) =>
  path
    .split(".")
    .reduce<string | Strings>((o, k) => (o as Strings)[k], strings) as string;
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

describe("polarisTranslations", () => {
  it("counts a table's rows in Japanese with 件, not 'すべての3の…'", () => {
    const ja = polarisTranslations("ja");
    const vars = { itemsLength: 3, resourceNamePlural: "送信履歴" };
    expect(
      fill(at(ja, "Polaris.IndexProvider.a11yCheckboxSelectAllMultiple"), vars),
    ).toBe("3件の送信履歴をすべて選択する");
    expect(
      fill(
        at(ja, "Polaris.IndexProvider.a11yCheckboxDeselectAllMultiple"),
        vars,
      ),
    ).toBe("3件の送信履歴の選択をすべて解除する");
    expect(
      fill(at(ja, "Polaris.TextField.characterCountWithMaxLength"), {
        count: 12,
        limit: 100,
      }),
    ).toBe("12/100文字");
  });

  it("keeps every other Polaris string, and English as Polaris has it", () => {
    const ja = polarisTranslations("ja");
    expect(at(ja, "Polaris.IndexTable.selectItem")).toBe(
      "{resourceName}を選択する",
    );
    expect(at(ja, "Polaris.Common.cancel")).toBeTruthy();
    expect(
      at(
        polarisTranslations("en"),
        "Polaris.IndexProvider.a11yCheckboxSelectAllMultiple",
      ),
    ).toBe("Select all {itemsLength} {resourceNamePlural}");
  });
});
