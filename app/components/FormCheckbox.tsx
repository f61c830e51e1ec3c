import { Checkbox, type CheckboxProps } from "@shopify/polaris";

/**
 * A Polaris Checkbox that posts its state with the form as "on" or "off". Polaris' Checkbox is
 * controlled and posts nothing of its own, and an unchecked native box posts nothing at all, so
 * the action could not tell "off" from "left out". One element, so a FormLayout gives it one row
 * (a bare hidden input beside it took a row of spacing of its own).
 */
export function FormCheckbox({
  name,
  checked,
  ...props
}: Omit<CheckboxProps, "checked" | "name"> & {
  name: string;
  checked: boolean;
}) {
  return (
    <>
      <Checkbox {...props} checked={checked} />
      <input type="hidden" name={name} value={checked ? "on" : "off"} />
    </>
  );
}
