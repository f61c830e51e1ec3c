import type { I18n } from "./i18n";
import {
  orderTutorials,
  productList,
  type MetafieldEntry,
  type OrderLine,
} from "./product-tutorials";

/**
 * How to use what was bought: each product's tutorials (videos, articles) in the customer's
 * language, one link per URL with the products it is for. Nothing when no product has any.
 */
export function Tutorials({
  lines,
  entries,
  language,
  i18n,
}: {
  lines: readonly OrderLine[];
  entries: readonly MetafieldEntry[];
  language: string;
  i18n: I18n;
}) {
  const tutorials = orderTutorials(lines, entries, language);
  if (!tutorials.length) return null;
  const t = i18n.translate;
  return (
    <s-section heading={t("tutorials.heading")}>
      <s-stack gap="base">
        {tutorials.map((tu) => (
          <s-stack key={tu.url} gap="small-300">
            <s-stack direction="inline" gap="small-200" alignItems="center">
              <s-badge>
                {t(
                  tu.kind === "video" ? "tutorials.video" : "tutorials.article",
                )}
              </s-badge>
              <s-link href={tu.url} target="_blank">
                {tu.title}
              </s-link>
            </s-stack>
            <s-text color="subdued">
              {t("tutorials.for", {
                products: productList(tu.products, language),
              })}
            </s-text>
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}
