import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import type { Locale } from "../../i18n/i18n";

interface LoginErrors {
  shop?: LoginErrorType;
}

export function loginErrorMessage(
  loginErrors: LoginErrors | undefined,
  locale: Locale,
): { shop?: string } {
  if (loginErrors?.shop === LoginErrorType.MissingShop) {
    return {
      shop:
        locale === "ja"
          ? "ストアのドメインを入力してください"
          : "Please enter your shop domain to log in",
    };
  }
  if (loginErrors?.shop === LoginErrorType.InvalidShop) {
    return {
      shop:
        locale === "ja"
          ? "正しいストアのドメインを入力してください"
          : "Please enter a valid shop domain to log in",
    };
  }
  return {};
}
