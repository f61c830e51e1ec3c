import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { readUnsubscribeLink } from "../followups/links";
import { unsubscribe } from "../followups/engine.server";
import { publicPage } from "../html/public-page";

/**
 * /unsubscribe/<token>: the link in every marketing message. GET asks for confirmation (mail
 * scanners open links; they must not unsubscribe anyone), POST records it. Signed per customer
 * and channel, so it cannot be forged or used for someone else.
 */
const copy = {
  ja: {
    title: "配信停止",
    ask: "今後このショップからのお知らせ({channel})を受け取らないようにしますか?",
    button: "配信を停止する",
    done: "配信を停止しました。ご注文に関する大切なお知らせ(発送のご案内など)は引き続きお送りします。",
    invalid: "このリンクは無効です。",
    preview:
      "プレビューです。お客様にはこのページが表示され、ボタンを押すと配信が停止されます。ここでは何も記録されません。",
  },
  en: {
    title: "Unsubscribe",
    ask: "Stop receiving news from this shop by {channel}?",
    button: "Unsubscribe",
    done: "You are unsubscribed. We will still send what concerns your orders (such as shipping notices).",
    invalid: "This link is not valid.",
    preview:
      "Preview: your customers see this page and unsubscribe with the button. Nothing is recorded here.",
  },
};
const channelName = {
  ja: { email: "メール", line: "LINE", sms: "SMS" },
  en: { email: "email", line: "LINE", sms: "SMS" },
} as const;

const langOf = (locale: string): "ja" | "en" =>
  locale.startsWith("ja") ? "ja" : "en";

async function read(request: Request, token: string) {
  const link = readUnsubscribeLink(token, env().SHOPIFY_API_SECRET);
  if (!link) return null;
  if (link.preview)
    return {
      ...link.claims,
      preview: true as const,
      lang: langOf(link.claims.locale),
    };
  const claims = link.claims;
  const { shop, customerId } = claims;
  // The language the message went out in; for older links, the customer's, else the browser's.
  const lang: "ja" | "en" = claims.locale
    ? langOf(claims.locale)
    : await fallbackLang(request, shop, customerId);
  return { ...claims, preview: false as const, lang };
}

/** A preview's page: what the customer would be asked, with nothing to press. */
const previewPage = (lang: "ja" | "en", channel: "email" | "line" | "sms") =>
  publicPage(
    lang,
    copy[lang].title,
    `<p class="note">${copy[lang].preview}</p><p>${copy[lang].ask.replace("{channel}", channelName[lang][channel])}</p><button type="button" disabled>${copy[lang].button}</button>`,
  );

async function fallbackLang(
  request: Request,
  shop: string,
  customerId: string,
): Promise<"ja" | "en"> {
  const customer = await prisma.customer.findFirst({
    where: { shop, customerId },
    select: { locale: true },
  });
  return customer?.locale?.startsWith("en")
    ? "en"
    : (request.headers.get("accept-language") ?? "").startsWith("en") &&
        !customer
      ? "en"
      : "ja";
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const r = await read(request, params.token ?? "");
  if (!r)
    return publicPage(
      "ja",
      copy.ja.title,
      `<p>${copy.ja.invalid} / ${copy.en.invalid}</p>`,
      400,
    );
  if (r.preview) return previewPage(r.lang, r.channel);
  const c = copy[r.lang];
  return publicPage(
    r.lang,
    c.title,
    `<p>${c.ask.replace("{channel}", channelName[r.lang][r.channel])}</p><form method="post"><button type="submit">${c.button}</button></form>`,
  );
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const r = await read(request, params.token ?? "");
  if (!r)
    return publicPage(
      "ja",
      copy.ja.title,
      `<p>${copy.ja.invalid} / ${copy.en.invalid}</p>`,
      400,
    );
  if (r.preview) return previewPage(r.lang, r.channel);
  await unsubscribe(prisma, r.shop, r.customerId, r.channel, r.messageId);
  return publicPage(r.lang, copy[r.lang].title, `<p>${copy[r.lang].done}</p>`);
};
