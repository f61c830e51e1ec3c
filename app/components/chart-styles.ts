import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";

/** The stylesheet Polaris Viz charts need (legends, tooltips): a route that shows charts exports it as `links`. */
export const chartLinks = () => [{ rel: "stylesheet", href: vizStyles }];
