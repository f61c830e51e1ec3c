import { escapeHtml as esc, inertLiquid } from "../html/escape";

/** What a shopper or a link's reader sees when they sent too much too fast. */
export const TOO_MANY = {
  ja: "短い間にたくさんのアクセスがありました。少し待ってからもう一度お試しください。",
  en: "Too many requests in a short time. Please try again in a moment.",
} as const;

/**
 * Scripts (the survey block's fetch, the FAQ's beacons) read JSON; a form sent without
 * JavaScript (FAQ search, survey answer) shows the answer to the shopper, as a page.
 */
export function wantsHtml(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
 * The storefront's 429 as a page the theme frames (Liquid, made inert), in the language the
 * request names in `locale` or, when it names none (a form's body is not read once the limit is
 * hit), in Japanese and English.
 */
export function tooManyPage(request: Request): Response {
  const locale = new URL(request.url).searchParams.get("locale");
  const langs: ("ja" | "en")[] =
    !locale || !/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(locale)
      ? ["ja", "en"]
      : /^ja\b/.test(locale)
        ? ["ja"]
        : ["en"];
  const text = langs.map((l) => `<p lang="${l}">${esc(TOO_MANY[l])}</p>`);
  return new Response(
    inertLiquid(
      `<section class="tsunagu-too-many" role="alert">${text.join("")}</section>`,
    ),
    {
      status: 429,
      headers: { "Content-Type": "application/liquid; charset=utf-8" },
    },
  );
}
