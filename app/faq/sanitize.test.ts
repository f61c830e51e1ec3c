import { describe, expect, it } from "vitest";
import { answerText, sanitizeAnswer } from "./sanitize";

describe("sanitizeAnswer", () => {
  // Payloads from the OWASP XSS filter evasion cheat sheet.
  const attacks = [
    `<script>alert(1)</script>送料は無料です`,
    `<img src=x onerror=alert(1)>送料は無料です`,
    `<a href="javascript:alert(1)">送料は無料です</a>`,
    `<a href="JaVaScRiPt:alert(1)">送料は無料です</a>`,
    `<a href="&#106;avascript:alert(1)">送料は無料です</a>`,
    `<iframe src="https://evil.example"></iframe>送料は無料です`,
    `<p onclick="alert(1)" style="background:url(javascript:alert(1))">送料は無料です</p>`,
    `<svg/onload=alert(1)>送料は無料です`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">送料は無料です</a>`,
  ];
  it.each(attacks)("removes executable content from %s", (payload) => {
    const out = sanitizeAnswer(payload);
    expect(out).toContain("送料は無料です");
    expect(out).not.toMatch(
      /<script|<iframe|<img|<svg|<style|\son\w+=|javascript:|data:text/i,
    );
  });

  it("drops mutation-XSS payloads hidden in foreign content", () => {
    expect(
      sanitizeAnswer(
        `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
      ),
    ).not.toMatch(/<img|onerror|<style|<math/i);
  });

  it("keeps formatting and safe links, and makes new-window links safe", () => {
    const out = sanitizeAnswer(
      `<p><strong>3日</strong>以内に<a href="https://example.com/ship" target="_blank">発送</a>します。</p><ul><li>北海道</li></ul>`,
    );
    expect(out).toBe(
      `<p><strong>3日</strong>以内に<a href="https://example.com/ship" target="_blank" rel="noopener noreferrer">発送</a>します。</p><ul><li>北海道</li></ul>`,
    );
  });

  it("turns plain text into escaped paragraphs", () => {
    expect(sanitizeAnswer("1行目\n2行目\n\n5 < 6 & 7")).toBe(
      "<p>1行目<br />2行目</p><p>5 &lt; 6 &amp; 7</p>",
    );
  });
});

describe("sanitizing what was already stored", () => {
  it("keeps one line typed in the editor as the merchant wrote it", () => {
    // A one-line answer leaves the browser's editor as escaped text without tags.
    const stored = sanitizeAnswer("マイページ &gt; 注文履歴 Q&amp;A&nbsp;");
    expect(stored).toBe("<p>マイページ &gt; 注文履歴 Q&amp;A</p>");
    expect(answerText(stored)).toBe("マイページ > 注文履歴 Q&A");
  });

  it("changes nothing the second time (publishing sanitises again)", () => {
    for (const input of [
      "マイページ &gt; 注文履歴",
      "<div>A &amp; B</div>",
      "1行目\n2行目\n\n5 < 6 & 7",
      "Q&A",
      "<p>送料は<strong>無料</strong></p>",
      "text <em>inline</em> text",
      "<ul><li>一</li></ul>",
      "<script>x</script>",
    ]) {
      const once = sanitizeAnswer(input);
      expect(sanitizeAnswer(once), input).toBe(once);
    }
  });
});

describe("answerText", () => {
  it("is the readable text of an answer", () => {
    expect(
      answerText("<p>送料は<strong>無料</strong></p><p>5 &lt; 6</p>"),
    ).toBe("送料は無料 5 < 6");
  });
});
