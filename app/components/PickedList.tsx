import {
  BlockStack,
  Button,
  InlineStack,
  ResourceItem,
  ResourceList,
  Text,
} from "@shopify/polaris";

/**
 * What the merchant picked with a resource picker (products, collections): a heading with the
 * button that opens the picker, a help line that turns into the field's error, and the picked
 * items, each with a remove action. Used by the tutorial and follow-up editors.
 */
interface Props {
  title: string;
  chooseLabel: string;
  removeLabel: string;
  help: string;
  error?: string;
  items: { id: string; title: string; detail?: string }[];
  onChoose: () => void;
  onRemove: (id: string) => void;
  /** h2 as a card's title, h3 inside a form section. */
  heading?: "h2" | "h3";
}

export function PickedList({
  title,
  chooseLabel,
  removeLabel,
  help,
  error,
  items,
  onChoose,
  onRemove,
  heading = "h2",
}: Props) {
  return (
    <BlockStack gap="300">
      <InlineStack align="space-between" blockAlign="center">
        <Text
          as={heading}
          variant={heading === "h2" ? "headingMd" : "headingSm"}
        >
          {title}
        </Text>
        <Button onClick={onChoose}>{chooseLabel}</Button>
      </InlineStack>
      <Text as="p" tone={error ? "critical" : "subdued"}>
        {error ?? help}
      </Text>
      {items.length > 0 && (
        <ResourceList
          items={items}
          renderItem={(item) => (
            <ResourceItem
              id={item.id}
              onClick={() => undefined}
              shortcutActions={[
                { content: removeLabel, onAction: () => onRemove(item.id) },
              ]}
              persistActions
            >
              <InlineStack gap="200" blockAlign="center">
                <Text as="span">{item.title}</Text>
                {item.detail && (
                  <Text as="span" tone="subdued">
                    {item.detail}
                  </Text>
                )}
              </InlineStack>
            </ResourceItem>
          )}
        />
      )}
    </BlockStack>
  );
}
