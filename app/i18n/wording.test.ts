import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import ja from "./ja.json";
import themeJa from "../../extensions/tsunagu-theme/locales/ja.json";
import thankYouJa from "../../extensions/tsunagu-thank-you/locales/ja.json";
import orderStatusJa from "../../extensions/tsunagu-order-status/locales/ja.json";
import { emailPage } from "../surveys/email-page";

/** Every button and form title that creates something: 〜を追加 in Japanese, Add … in English. */
const CREATE_KEYS = [
  "faq.new",
  "faq.formNew",
  "surveys.new",
  "surveys.formNew",
  "tutorials.add",
  "tutorials.new",
] as const;

/** One way of saying each thing across the admin, the storefront block and the extensions. */
type Strings = { [key: string]: string | Strings };
const values = (o: Strings, path = ""): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string" ? [[path + k, v]] : values(v, `${path}${k}.`),
  );

describe("Japanese wording", () => {
  it("asks for a survey comment with the same words everywhere a shopper answers", async () => {
    const label = "よろしければ理由をお聞かせください(任意)";
    expect(themeJa.survey.comment).toBe(label);
    expect(thankYouJa.survey.comment).toBe(label);
    const page = await emailPage(
      "ja",
      {
        kind: "answered",
        fresh: true,
        score: 9,
        question: "友人にすすめたいですか?",
        canComment: true,
        commented: false,
      },
      200,
    ).text();
    expect(page).toContain(label);
  });

  it("names every create button and form 〜を追加", () => {
    for (const key of CREATE_KEYS) expect(ja[key], key).toMatch(/を追加$/);
  });

  it("puts no space between a number and its counter (120日間, 3件, 100文字)", () => {
    const counter =
      /(\d|\})[ \u3000](件|人|行|日|か月|ヶ月|文字|時間|分|秒|回|点|個|商品|通|名|年|週|発送|の整数)/;
    const all = [
      ...values(ja as Strings, "app:"),
      ...values(themeJa as Strings, "theme:"),
      ...values(thankYouJa as Strings, "thank-you:"),
      ...values(orderStatusJa as Strings, "order-status:"),
    ];
    expect(all.filter(([, v]) => counter.test(v))).toEqual([]);
  });
});

/**
 * Keys the admin puts on buttons and actions, read from its pages: inside <Button>,
 * <DownloadButton> and <Link>, as an action's `content:` (page actions, empty states, banners,
 * bulk actions) and as a picker list's button labels. Read from the source so that a button
 * added later is checked too.
 */
function buttonLabelKeys(): Map<string, string> {
  const appDir = fileURLToPath(new URL("..", import.meta.url));
  const found = new Map<string, string>();
  const keysIn = (text: string, file: string) => {
    for (const m of text.matchAll(/\bt\(\s*"([^"]+)"/g)) found.set(m[1], file);
  };
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".tsx") && !f.endsWith(".test.tsx"))
    .map((f) => join(appDir, f));
  for (const path of files) {
    const src = readFileSync(path, "utf8");
    const file = relative(appDir, path);
    for (const open of src.matchAll(/<((?:Download)?Button|Link)\b/g)) {
      // The opening tag ends at the first `>` outside braces (props hold arrows: `() => x`).
      let i = open.index + open[0].length;
      let depth = 0;
      for (; i < src.length; i++) {
        if (src[i] === "{") depth++;
        else if (src[i] === "}") depth--;
        else if (src[i] === ">" && depth === 0) break;
      }
      const selfClosing = src[i - 1] === "/";
      const close = `</${open[1]}>`;
      const end = selfClosing ? i : src.indexOf(close, i);
      keysIn(src.slice(open.index, end < 0 ? i : end), file);
    }
    for (const m of src.matchAll(
      /(?:\bcontent:\s*|(?:chooseLabel|removeLabel)=\{)t\(\s*"([^"]+)"/g,
    ))
      found.set(m[1], file);
  }
  return found;
}

// Names keep their capitals: products, languages, and a page named as the menu names it.
const NAMES = new Set([
  "Tsunagu",
  "Shopify",
  "Japanese",
  "English",
  "Settings",
  "Twilio",
  "Instagram",
]);

/**
 * Words written in Title Case: after a sentence's first word, a capital that starts no name
 * ("Save Changes", "Export Comments"). Acronyms (CSV, FAQ, HTML) are not words in this sense.
 * Each branch of a plural ("{count, plural, one {…} other {…}}") is a sentence of its own.
 */
function titleCaseWords(text: string): string[] {
  return text
    .replace(/\{\w+, plural,|\b(?:one|other) \{|[{}]/g, "|")
    .split(/[.?!:|]|\(|\)/)
    .flatMap((sentence) => sentence.trim().split(/\s+/).slice(1))
    .map((word) => word.replace(/^[“"'‘]+|[”"'’,;]+$/g, ""))
    .filter((word) => /^[A-Z][a-z]/.test(word) && !NAMES.has(word));
}

describe("English wording", () => {
  it("finds Title Case, and only Title Case", () => {
    expect(titleCaseWords("Save Changes")).toEqual(["Changes"]);
    expect(titleCaseWords("Export Comments (CSV)")).toEqual(["Comments"]);
    expect(
      titleCaseWords(
        "{count, plural, one {Import # row} other {Import # Rows}}",
      ),
    ).toEqual(["Rows"]);
    expect(titleCaseWords("Export CSV")).toEqual([]);
    expect(titleCaseWords("Push to Shopify segments")).toEqual([]);
    expect(titleCaseWords("Saved. Leave empty to keep it.")).toEqual([]);
    expect(
      titleCaseWords(
        "{count, plural, one {Import # row} other {Import # rows}}",
      ),
    ).toEqual([]);
  });

  it("writes every button and action in sentence case, as Polaris does", () => {
    const keys = buttonLabelKeys();
    // The scan itself is checked: it must see the page actions, the buttons and the downloads.
    for (const key of [
      "common.save",
      "faq.new",
      "faq.importConfirm",
      "faq.export",
      "groups.export",
      "surveys.new",
      "tutorials.add",
      "tutorials.delete",
      "tutorials.chooseProducts",
      "followups.cycles.add",
      "followups.removeStep",
    ])
      expect(keys.has(key), `${key} is not seen as a button`).toBe(true);
    expect(keys.size).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const [key, file] of keys) {
      const text = (en as Record<string, string>)[key];
      if (text === undefined) continue; // a key built at run time: i18n.test checks the catalogue
      if (!/^[A-Z0-9{#]/.test(text) || titleCaseWords(text).length)
        wrong.push(`${key} (${file}): ${text}`);
    }
    expect(wrong).toEqual([]);
  });

  it("names every create button and form Add …, as Japanese says 〜を追加", () => {
    for (const key of CREATE_KEYS) expect(en[key], key).toMatch(/^Add /);
  });

  it("says Save on every save button (Save and publish where it publishes at once)", () => {
    const saves = Object.entries(en).filter(([key]) => key.endsWith(".save"));
    expect(saves.length).toBeGreaterThan(4);
    for (const [key, text] of saves)
      expect(text, key).toMatch(/^Save(?: and publish)?$/);
  });
});
