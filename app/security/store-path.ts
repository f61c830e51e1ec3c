/**
 * A path on the shop's own storefront ("/pages/contact"), for links and redirects built from
 * input. Browsers read "//host", "/\host" and "/<tab>/host" as another site, so a second slash,
 * any backslash and any whitespace or control character are refused.
 */
export function isStorePath(value: string): boolean {
  return (
    value.length <= 500 &&
    /^\/(?![/\\])[^\s\\]*$/.test(value) &&
    ![...value].some((c) => c < " " || c === "\u007f")
  );
}

/** The value when it is a store path, else the storefront's home. */
export function storePath(value: string | null | undefined): string {
  return value && isStorePath(value) ? value : "/";
}
