import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";

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
