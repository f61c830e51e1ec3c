import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { translator, type Locale } from "./i18n/i18n";
import { homeHref } from "./components/error-page";

export default function App() {
  // The app layout loader knows the admin's language; fall back to Japanese, the product's first language.
  const data = useRouteLoaderData<{ locale?: string }>("routes/app");
  return (
    <html lang={data?.locale ?? "ja"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

/**
 * What no route's boundary caught (the admin layout's own loader failed, or the login page broke):
 * a plain page, as nothing else may have loaded. The admin's language when the layout knew it,
 * otherwise Japanese and English.
 */
export function ErrorBoundary() {
  const data = useRouteLoaderData<{ locale?: Locale }>("routes/app");
  const { search } = useLocation();
  const locales: Locale[] = data?.locale ? [data.locale] : ["ja", "en"];
  const texts = locales.map((locale) => ({ locale, t: translator(locale) }));
  return (
    <html lang={locales[0]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{texts.map(({ t }) => t("error.title")).join(" / ")}</title>
        <Meta />
        <Links />
      </head>
      <body
        style={{
          fontFamily:
            'system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif',
          maxWidth: "34rem",
          margin: "3rem auto",
          padding: "0 1rem",
          lineHeight: 1.7,
        }}
      >
        <main>
          {texts.map(({ locale, t }) => (
            <section key={locale} lang={locale}>
              <h1>{t("error.title")}</h1>
              <p>{t("error.generic")}</p>
              <p>
                <a href={homeHref(search)}>
                  {t("error.backTo", { page: t("nav.dashboard") })}
                </a>
              </p>
            </section>
          ))}
        </main>
        <Scripts />
      </body>
    </html>
  );
}
