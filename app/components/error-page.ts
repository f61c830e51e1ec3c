import { isRouteErrorResponse } from "@remix-run/react";
import type { MessageKey } from "../i18n/i18n";

/**
 * What the admin's error page says for an error a route threw, and where it leads back to. Pure,
 * so the choice of words is tested without rendering (AdminErrorPage.tsx renders it).
 */

/** The menu's sections (app.tsx NavMenu), each with its list page at /app/<section>. */
const SECTIONS: Record<string, MessageKey> = {
  faq: "nav.faq",
  surveys: "nav.surveys",
  followups: "nav.followups",
  tutorials: "nav.tutorials",
  customers: "nav.customers",
  settings: "nav.settings",
};

export interface ErrorPageContent {
  title: MessageKey;
  message: MessageKey;
  back: { url: string; page: MessageKey };
}

/**
 * Responses thrown by `authenticate.admin` that only Shopify's own boundary handles right: the
 * App Bridge page that moves the app in or out of the admin frame (status 200, an HTML body the
 * boundary renders) and the 401 whose headers tell App Bridge to fetch a new session token.
 * Anything else is an error the merchant should read about.
 */
export function isShopifyAuthResponse(error: unknown): boolean {
  return (
    isRouteErrorResponse(error) && (error.status < 400 || error.status === 401)
  );
}

export function errorPageContent(
  error: unknown,
  pathname: string,
): ErrorPageContent {
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return {
    title: notFound ? "error.notFound" : "error.title",
    message: notFound ? "error.notFoundHelp" : "error.generic",
    back: backLink(pathname),
  };
}

/**
 * A page inside a section (an FAQ entry, a flow) leads back to the section's list; the list
 * itself, or any other page, to the dashboard, so the way back never reloads what failed.
 */
function backLink(pathname: string): ErrorPageContent["back"] {
  const [, app, section, ...rest] = pathname.replace(/\/+$/, "").split("/");
  const page = app === "app" && section ? SECTIONS[section] : undefined;
  return page && rest.length
    ? { url: `/app/${section}`, page }
    : { url: "/app", page: "nav.dashboard" };
}

/**
 * The app's home for a page rendered outside Remix's router (the root boundary): keeps the
 * parameters the admin frame was opened with, so authentication finds the shop again.
 */
export function homeHref(search: string): string {
  const from = new URLSearchParams(search);
  const keep = new URLSearchParams();
  for (const name of ["shop", "host", "embedded", "locale"]) {
    const value = from.get(name);
    if (value) keep.set(name, value);
  }
  const query = keep.toString();
  return query ? `/app?${query}` : "/app";
}
