/**
 * The illustration of every empty state (public/empty-state.svg, served by the app itself, so it
 * also shows offline in the dev store). Polaris's EmptyState needs a loadable image: with
 * `image=""` its loading placeholder, a grey disc, stays over the heading.
 */
export const EMPTY_STATE_IMAGE = "/empty-state.svg";
