import { stem } from "../faq/engine/text";

/**
 * What the learned classifier (./classifier.ts) sees of a comment: words by their dictionary
 * form, words under a negation ("美味しくない" → neg:美味しい, "not good" → neg:good), the words of
 * the last sentence again (a Japanese comment's verdict usually comes last, after けど / が),
 * grammar that carries stance (たい, そう, のに, けど, か, ね...), question and exclamation
 * marks, emoji, and what the rule-based reading concluded, so the model learns how far to
 * trust each rule rather than replacing them.
 */
export interface Token {
  surface: string;
  /** Dictionary form ("戻っ" → "戻る"); the surface when the dictionary has none. */
  base: string;
  pos: string;
  pos1: string;
}

export interface RuleReading {
  sentiment: string;
  loyalty: string;
  score: number;
  named: boolean;
}

const CONTENT = new Set([
  "名詞",
  "動詞",
  "形容詞",
  "副詞",
  "感動詞",
  "連体詞",
  "接頭詞",
]);
const NEGATORS = new Set(["ない", "ぬ", "ん", "ず", "無い"]);
const SENTENCE_END = /^[。．.！!？?\n]+$/;
const EMOJI = /\p{Extended_Pictographic}/u;

function ruleFeatures(rule: RuleReading): string[] {
  const out = [`rs:${rule.sentiment}`, `rl:${rule.loyalty}`];
  if (rule.named) out.push("named");
  // The rule score in coarse steps: how sure the rules were, not only which side they took.
  const s = rule.score;
  out.push(
    `rsc:${s >= 2 ? "++" : s > 0.5 ? "+" : s > 0 ? "+?" : s === 0 ? "0" : s > -0.5 ? "-?" : s > -2 ? "-" : "--"}`,
  );
  return out;
}

function marks(text: string): string[] {
  const out: string[] = [];
  if (/[?？]\s*$/.test(text) || /[?？]/.test(text)) out.push("qmark");
  if (/[!！]/.test(text)) out.push("excl");
  for (const ch of text) if (EMOJI.test(ch)) out.push(`emoji:${ch}`);
  if (/[…]|\.\.\.|・・・/.test(text)) out.push("ellipsis");
  if (/[笑]|w{2,}|ｗ/.test(text)) out.push("laugh");
  return out;
}

/** Japanese features from morphological tokens (kuromoji's IPADIC analysis, made on the server). */
export function japaneseFeatures(
  tokens: Token[],
  text: string,
  rule: RuleReading,
): string[] {
  const out = ["lang:ja", ...ruleFeatures(rule), ...marks(text)];
  // Character pairs carry what the dictionary splits badly (slang, kana spellings, new words).
  const chars = text.replace(/[\s。、！!？?]/g, "");
  for (let i = 0; i + 2 <= chars.length; i++)
    out.push(`c:${chars.slice(i, i + 2)}`);
  let lastStart = 0;
  for (let i = 0; i < tokens.length - 1; i++)
    if (SENTENCE_END.test(tokens[i].surface) && i < tokens.length - 1)
      lastStart = i + 1;
  // A comment that ends on punctuation: its last sentence is the one before.
  if (lastStart >= tokens.length - 1) lastStart = 0;
  // After the last turn ("…けど", "でも…", "ただ…") comes what the customer settles on.
  let turn = -1;
  for (let i = 0; i < tokens.length - 1; i++)
    if (
      (tokens[i].pos1 === "接続助詞" &&
        /^(けど|けれど|けれども|が|のに|ものの)$/.test(tokens[i].base)) ||
      (tokens[i].pos === "接続詞" &&
        /^(でも|しかし|ただ|ただし|だけど|けど)$/.test(tokens[i].base))
    )
      turn = i;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.pos === "記号" || t.pos1 === "数") continue;
    if (
      t.pos === "助動詞" ||
      t.pos1 === "終助詞" ||
      t.pos1 === "接続助詞" ||
      t.pos1 === "副助詞"
    ) {
      out.push(`g:${t.base}`);
      if (i >= lastStart) out.push(`lg:${t.base}`);
      continue;
    }
    if (!CONTENT.has(t.pos) || t.pos1 === "非自立" || t.pos1 === "代名詞")
      continue;
    // Negated when a negator follows within the same phrase (美味しく|なかっ|た, 届い|て|ませ|ん).
    let negated = false;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const n = tokens[j];
      if (
        SENTENCE_END.test(n.surface) ||
        n.pos1 === "読点" ||
        (CONTENT.has(n.pos) && n.pos1 !== "非自立" && !NEGATORS.has(n.base))
      )
        break;
      if (NEGATORS.has(n.base) && (n.pos === "助動詞" || n.pos === "形容詞"))
        negated = true;
    }
    const key = `${negated ? "n" : "w"}:${t.base}`;
    out.push(key);
    if (i >= lastStart) out.push(`l${key}`);
    if (turn >= 0 && i > turn) out.push(`a${key}`);
    if (i + 1 < tokens.length && CONTENT.has(tokens[i + 1].pos))
      out.push(`b:${t.base}_${tokens[i + 1].base}`);
  }
  return out;
}

const EN_NEGATORS =
  /^(not|no|never|nothing|hardly|without|isn't|wasn't|doesn't|don't|didn't|won't|can't|couldn't|aren't|weren't|haven't|hasn't|cannot|nor)$/;

/** English features from words (stemmed), with a three-word negation scope. */
export function englishFeatures(text: string, rule: RuleReading): string[] {
  const out = ["lang:en", ...ruleFeatures(rule), ...marks(text)];
  const sentences = text
    .toLowerCase()
    .split(/[.!?\n]+/)
    .filter((s) => s.trim());
  sentences.forEach((sentence, si) => {
    const last = si === sentences.length - 1;
    let scope = 0;
    let prev = "";
    for (const raw of sentence.match(/[a-z][a-z']*/g) ?? []) {
      const word = raw.replace(/’/g, "'");
      if (EN_NEGATORS.test(word)) {
        out.push("neg");
        scope = 3;
        prev = word;
        continue;
      }
      const s = stem(word);
      const key = `${scope > 0 ? "n" : "w"}:${s}`;
      out.push(key);
      if (last) out.push(`l${key}`);
      if (prev) out.push(`b:${prev}_${s}`);
      prev = s;
      if (scope > 0) scope--;
    }
  });
  return out;
}
