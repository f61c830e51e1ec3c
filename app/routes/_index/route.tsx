import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "../../shopify.server";
import { localeFromAcceptLanguage } from "../../i18n/i18n";
import styles from "./styles.module.css";

/** Public landing page. Shopify admin opens the app with ?shop=..., which goes straight to /app. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop"))
    throw redirect(`/app?${url.searchParams.toString()}`);
  const locale = localeFromAcceptLanguage(
    request.headers.get("accept-language"),
  );
  return json({ showForm: Boolean(login), locale });
};

const copy = {
  ja: {
    heading: "つなぐ — 一度きりのお客様をファンに",
    text: "FAQ、アンケート、購入後のフォローアップ、顧客グループで、お客様が買った目的を果たせるよう支えます。",
    shop: "ストアのドメイン",
    hint: "例: my-shop.myshopify.com",
    submit: "ログイン",
  },
  en: {
    heading: "Tsunagu — turn one-time buyers into fans",
    text: "FAQ, surveys, follow-ups after the sale and customer groups that help every buyer get what they bought for.",
    shop: "Shop domain",
    hint: "e.g. my-shop.myshopify.com",
    submit: "Log in",
  },
};

export default function Index() {
  const { showForm, locale } = useLoaderData<typeof loader>();
  const c = copy[locale];
  return (
    <main className={styles.index} lang={locale}>
      <h1>{c.heading}</h1>
      <p>{c.text}</p>
      {showForm && (
        <Form className={styles.form} method="post" action="/auth/login">
          <label>
            <span>{c.shop}</span>
            <input type="text" name="shop" autoComplete="on" />
            <span>{c.hint}</span>
          </label>
          <button type="submit">{c.submit}</button>
        </Form>
      )}
    </main>
  );
}
