import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  AppProvider,
  Button,
  Card,
  FormLayout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisJa from "@shopify/polaris/locales/ja.json";
import { useState } from "react";
import { login } from "../../shopify.server";
import { localeFromAcceptLanguage } from "../../i18n/i18n";
import { loginErrorMessage } from "./error.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const locale = localeFromAcceptLanguage(
    request.headers.get("accept-language"),
  );
  return json({
    errors: loginErrorMessage(await login(request), locale),
    locale,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const locale = localeFromAcceptLanguage(
    request.headers.get("accept-language"),
  );
  return json({ errors: loginErrorMessage(await login(request), locale) });
};

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { errors } = actionData || loaderData;
  const ja = loaderData.locale === "ja";
  return (
    <AppProvider i18n={ja ? polarisJa : polarisEn}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {ja ? "ログイン" : "Log in"}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={ja ? "ストアのドメイン" : "Shop domain"}
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>{ja ? "ログイン" : "Log in"}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
