/**
 * What the shared parts need of `shopify.i18n`; both the checkout and the customer-account
 * `shopify.i18n` fit it, so each extension passes its own. Strings live in each extension's
 * locales files (a test checks that every key the bundle uses is there in ja and en).
 */
export interface I18n {
  translate: (key: string, options?: Record<string, string | number>) => string;
  formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
}
