import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClampedText } from "./ClampedText";

describe("long text in a table cell", () => {
  const question =
    "このショップで購入した商品について、品質・価格・配送の速さ・梱包の丁寧さ・サポートの対応をふまえて、友人や同僚にすすめる可能性はどのくらいありますか?";

  it("is clamped to two lines in a bounded width, wrapping where the cell would not", () => {
    const html = renderToStaticMarkup(<ClampedText text={question} />);
    expect(html).toContain("-webkit-line-clamp:2");
    expect(html).toContain("max-width:28rem");
    expect(html).toContain("white-space:normal");
    expect(html).toContain("overflow:hidden");
  });

  it("keeps the whole text, on hover and for screen readers", () => {
    const html = renderToStaticMarkup(
      <ClampedText text={question} lines={1} />,
    );
    expect(html).toContain(`title="${question}"`);
    expect(html).toContain(`>${question}</span>`);
    expect(html).toContain("-webkit-line-clamp:1");
  });
});
