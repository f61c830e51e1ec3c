/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
declare const shopify: import("@shopify/ui-extensions/purchase.thank-you.block.render").Api;
