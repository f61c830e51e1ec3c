import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { readUnsubscribeToken } from "../followups/links";
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
  },
  en: {
    title: "Unsubscribe",
    ask: "Stop receiving news from this shop by {channel}?",
    button: "Unsubscribe",
    done: "You are unsubscribed. We will still send what concerns your orders (such as shipping notices).",
    invalid: "This link is not valid.",
  },
};
const channelName = {
  ja: { email: "メール", line: "LINE", sms: "SMS" },
  en: { email: "email", line: "LINE", sms: "SMS" },
} as const;

async function read(request: Request, token: string) {
  const claims = readUnsubscribeToken(token, env().SHOPIFY_API_SECRET);
  if (!claims) return null;
  const { shop, customerId } = claims;
  // The language the message went out in; for older links, the customer's, else the browser's.
  const lang: "ja" | "en" = claims.locale
    ? claims.locale.startsWith("ja")
      ? "ja"
      : "en"
    : await fallbackLang(request, shop, customerId);
  return { ...claims, lang };
}

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
  await unsubscribe(prisma, r.shop, r.customerId, r.channel, r.messageId);
  return publicPage(r.lang, copy[r.lang].title, `<p>${copy[r.lang].done}</p>`);
};
