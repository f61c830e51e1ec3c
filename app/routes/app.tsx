import type {
  HeadersFunction,
  LoaderFunctionArgs,
  SerializeFrom,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Link,
  Outlet,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { env } from "../env.server";
import { getShopSettings } from "../shops/shops.server";
import { DEFAULT_TIME_ZONE } from "../shops/clock";
import { resolveLocale } from "../i18n/i18n";
import { polarisTranslations } from "../i18n/polaris";
import { useT } from "../i18n/useT";
import { AdminErrorPage } from "../components/AdminErrorPage";
import { isShopifyAuthResponse } from "../components/error-page";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locale = resolveLocale(new URL(request.url).searchParams.get("locale"));
  const config = env();
  const shop = await getShopSettings(prisma, session.shop);
  return json({
    apiKey: config.SHOPIFY_API_KEY,
    locale,
    // Dates print as the merchant's day, the same on the server and in the browser.
    timeZone: shop?.timezone ?? DEFAULT_TIME_ZONE,
    currency: shop?.currency ?? "JPY",
    polarisI18n: polarisTranslations(locale),
    // Only the local dev store replaces App Bridge (Shopify's CDN is unreachable there).
    appBridgeUrl:
      config.NODE_ENV !== "production" && config.DEV_STORE_URL
        ? `${config.DEV_STORE_URL}/cdn/app-bridge.js`
        : undefined,
  });
};

// Shopify admin sends `locale` only on the first load of the frame; keep that answer for the
// whole visit instead of re-deciding on every navigation or form submission.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
}) =>
  nextUrl.searchParams.has("locale") &&
  nextUrl.searchParams.get("locale") !== currentUrl.searchParams.get("locale");

export default function App() {
  return (
    <Frame data={useLoaderData<typeof loader>()}>
      <Outlet />
    </Frame>
  );
}

/** Polaris and App Bridge in the admin's language, with the app's menu. */
function Frame({
  data: { apiKey, polarisI18n, appBridgeUrl },
  children,
}: {
  data: SerializeFrom<typeof loader>;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      i18n={polarisI18n}
      {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}
    >
      <NavMenu>
        <Link to="/app" rel="home">
          {t("nav.dashboard")}
        </Link>
        <Link to="/app/faq">{t("nav.faq")}</Link>
        <Link to="/app/surveys">{t("nav.surveys")}</Link>
        <Link to="/app/followups">{t("nav.followups")}</Link>
        <Link to="/app/tutorials">{t("nav.tutorials")}</Link>
        <Link to="/app/customers">{t("nav.customers")}</Link>
        <Link to="/app/settings">{t("nav.settings")}</Link>
      </NavMenu>
      {children}
    </AppProvider>
  );
}

// Shopify needs Remix to catch its auth responses so their headers reach the browser; its
// boundary renders those. Every other error gets a page in the merchant's language inside the
// frame, with the menu and a way back.
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/app");
  if (isShopifyAuthResponse(error)) return boundary.error(error);
  // This layout's own loader failed: no frame to draw in; the root boundary answers.
  if (!data) throw error;
  return (
    <Frame data={data}>
      <AdminErrorPage error={error} />
    </Frame>
  );
}

export const headers: HeadersFunction = (headersArgs) =>
  boundary.headers(headersArgs);
