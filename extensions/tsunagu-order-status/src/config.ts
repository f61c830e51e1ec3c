/**
 * The app's public URL, the same as `application_url` in shopify.app.toml (a test keeps them in
 * step). Extensions run on Shopify's domain, so backend calls need the absolute URL.
 */
export const APP_URL = "https://tsunagu.example.com";
