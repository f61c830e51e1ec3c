import { Liquid } from "liquidjs";

/**
 * Message templates in Liquid (liquidjs), checked when the merchant saves them: a syntax error or a
 * variable the app does not provide is reported then, never at send time. Email bodies are
 * escaped as HTML; LINE and SMS bodies are plain text.
 */
export const VARIABLES = [
  "shop_name",
  "first_name",
  "last_name",
  "full_name",
  "order_name",
  "tracking_links",
  "tutorial_links",
  "survey_link",
  "unsubscribe_link",
] as const;

/** Whether a message (subject or body) uses a variable: what it shows, asks or needs. */
export const usesVariable = (
  t: { subject?: string | null; body: string },
  name: (typeof VARIABLES)[number],
) => t.body.includes(name) || !!t.subject?.includes(name);

export interface LinkVar {
  title: string;
  url: string;
}
export interface TemplateContext {
  shop_name: string;
  first_name: string;
  last_name: string;
  /** 山田 花子 in Japanese script, Hanako Yamada otherwise; either part alone when one is missing. */
  full_name: string;
  order_name: string;
  tracking_links: LinkVar[];
  tutorial_links: LinkVar[];
  survey_link: string;
  unsubscribe_link: string;
}

/**
 * Any merchant writes these templates, and they are rendered in the shared web process (check and
 * preview) and worker (sends): a loop such as `{% for i in (1..3000000) %}` must not stall every
 * shop. A message needs a few kilobytes and a few milliseconds; these bounds are far above that.
 */
export const TEMPLATE_LIMITS = {
  parseLimit: 100_000, // characters parsed per template
  renderLimit: 200, // milliseconds per render
  memoryLimit: 1_000_000, // characters and list items allocated per render
} as const;

const engines = {
  html: new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: "escape",
    cache: 200,
    ...TEMPLATE_LIMITS,
  }),
  text: new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: 200,
    ...TEMPLATE_LIMITS,
  }),
};

/** A safe, complete context for checking a template (every variable present, links included). */
export const SAMPLE_CONTEXT: TemplateContext = {
  shop_name: "Sample shop",
  first_name: "花子",
  last_name: "山田",
  full_name: "山田 花子",
  order_name: "#1001",
  tracking_links: [
    {
      title: "ヤマト運輸 1234-5678-9012",
      url: "https://example.com/track/123456789012",
    },
  ],
  tutorial_links: [
    { title: "はじめての使い方", url: "https://example.com/tutorial" },
  ],
  survey_link: "https://example.com/survey/sample",
  unsubscribe_link: "https://example.com/unsubscribe/sample",
};

/**
 * What is wrong with a template, for the admin to say in the merchant's language
 * (flow-errors.ts): which kind of mistake, where (`line`, `col`, as liquidjs counts them) and what
 * (`name`: the variable, filter or tag; `end`: the closing tag a block lacks). `message` is
 * liquidjs's own English, kept only for a kind the admin cannot put in words of its own.
 */
export type TemplateError = {
  kind:
    | "unclosedOutput"
    | "unclosedTag"
    | "unclosedBlock"
    | "unknownTag"
    | "unknownFilter"
    | "variable"
    | "syntax"
    | "tooLong"
    | "tooHeavy";
  message: string;
  line?: number;
  col?: number;
  name?: string;
  end?: string;
};

const MAX_TEMPLATE_LENGTH = 10_000;

/** Reads a liquidjs error (parse or render) into a TemplateError. */
export function templateErrorOf(error: unknown): TemplateError {
  const message =
    error instanceof Error ? error.message.split("\n")[0] : String(error);
  const token = (error as { token?: { getPosition?: () => number[] } })?.token;
  const [line, col] = token?.getPosition?.() ?? [];
  const at = line && col ? { line, col } : {};
  const raw = message.replace(/, line:\d+, col:\d+$/, "");
  let m: RegExpMatchArray | null;
  // TEMPLATE_LIMITS: liquidjs says "memory alloc|template render|parse length limit exceeded".
  if (/limit exceeded/i.test(raw)) return { kind: "tooHeavy", message, ...at };
  if ((m = raw.match(/^undefined variable: (.+)$/)))
    return { kind: "variable", message, ...at, name: m[1] };
  if ((m = raw.match(/^undefined filter: (.+)$/)))
    return { kind: "unknownFilter", message, ...at, name: m[1] };
  if (/^output ".*" not closed$/s.test(raw))
    return { kind: "unclosedOutput", message, ...at };
  if (/^tag ".*" not closed$/s.test(raw))
    return { kind: "unclosedTag", message, ...at };
  if ((m = raw.match(/^tag (\{%-?\s*(\w+).*%\}) not closed$/s)))
    return {
      kind: "unclosedBlock",
      message,
      ...at,
      name: m[1],
      end: `{% end${m[2]} %}`,
    };
  if ((m = raw.match(/^tag "(\w+)" not found$/)))
    return { kind: "unknownTag", message, ...at, name: m[1] };
  return { kind: "syntax", message, ...at };
}

/** Checks one template: it parses, and renders with every variable the app provides and no other. */
export function checkTemplate(
  source: string,
  format: "html" | "text",
): TemplateError | null {
  if (source.length > MAX_TEMPLATE_LENGTH)
    return { kind: "tooLong", message: "" };
  try {
    const engine = engines[format];
    engine.renderSync(engine.parse(source), SAMPLE_CONTEXT);
    // Empty lists must render too (an order without tracking yet, a product without tutorials).
    engine.renderSync(engine.parse(source), {
      ...SAMPLE_CONTEXT,
      tracking_links: [],
      tutorial_links: [],
    });
    return null;
  } catch (error) {
    return templateErrorOf(error);
  }
}

const parsed = new Map<string, ReturnType<Liquid["parse"]>>();

export async function renderTemplate(
  source: string,
  format: "html" | "text",
  context: TemplateContext,
): Promise<string> {
  const engine = engines[format];
  const key = `${format}\u0000${source}`;
  let template = parsed.get(key);
  if (!template) {
    template = engine.parse(source);
    if (parsed.size > 500) parsed.clear();
    parsed.set(key, template);
  }
  return engine.render(template, context);
}

/** Only http(s) links are shown as links; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:"
      ? u.toString()
      : null;
  } catch {
    return null;
  }
}
