// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { inertHtml } from "./answer-html";
import { sanitizeAnswer } from "./sanitize";

describe("inertHtml (the editor's view of typed or pasted HTML)", () => {
  it("drops scripts, frames, handlers and unsafe links, keeping the formatting and text", () => {
    const out = inertHtml(
      [
        '<p onclick="steal()">返品は<strong style="color:red">7日以内</strong></p>',
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>",
        '<img src=x onerror="alert(1)"><div>div の文字</div>',
        '<a href="javascript:alert(1)">js</a><a href="java\tscript:alert(1)">tab</a>',
        '<a href="//evil.example/x">protocol-relative</a>',
        '<a href="https://example.com/returns" target="_blank">ok</a><a href="/pages/faq">path</a>',
        '<a href="mailto:help@example.com">mail</a><svg><a href="javascript:x">svg</a></svg>',
      ].join(""),
    );
    expect(out).toBe(
      "<p>返品は<strong>7日以内</strong></p>" +
        "div の文字" +
        "<a>js</a><a>tab</a><a>protocol-relative</a>" +
        '<a href="https://example.com/returns" target="_blank">ok</a><a href="/pages/faq">path</a>' +
        '<a href="mailto:help@example.com">mail</a><a>svg</a>',
    );
    expect(out).not.toMatch(/script|onerror|onclick|iframe|style|img/i);
  });

  it("leaves what the server's sanitiser produced as it is", () => {
    const saved = sanitizeAnswer(
      '<p>手順:</p><ol><li>箱に戻す</li></ol><p><a href="https://example.com/r">返品フォーム</a><br />平日のみ</p><table><tbody><tr><td colspan="2">A &amp; B</td></tr></tbody></table>',
    );
    expect(inertHtml(saved)).toBe(saved.replace(/<br \/>/g, "<br>"));
  });
});
