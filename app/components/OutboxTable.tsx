import { useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  IndexTable,
  Text,
  useBreakpoints,
} from "@shopify/polaris";
import type { CSSProperties, ReactNode } from "react";
import { describeReason } from "../followups/reasons";
import type { MessageKey, Translate } from "../i18n/i18n";
import { RowLink } from "./RowLink";

export interface OutboxMessage {
  id: string;
  flowId: string;
  orderId: string | null;
  orderName: string | null;
  customerName: string | null;
  channel: string | null;
  recipient: string | null;
  subject: string | null;
  status: string;
  error: string | null;
  sentAt: string | null;
  updatedAt: string;
}

const STATUS_TONE: Record<
  string,
  "success" | "critical" | "warning" | "info" | undefined
> = {
  sent: "success",
  failed: "critical",
  uncertain: "warning",
  sending: "info",
  skipped: undefined,
};

// IndexTable cells keep their text on one line, which pushed the status column out of the card.
// Every cell here wraps (Japanese wraps anywhere, long addresses too), so the table fits its card;
// only the subject stays on one line, cut at a fixed width.
const wrap: CSSProperties = { whiteSpace: "normal", overflowWrap: "anywhere" };
const Wrap = ({ max, children }: { max?: number; children: ReactNode }) => (
  <div style={{ ...wrap, maxWidth: max }}>{children}</div>
);

/**
 * The outbox: when, which flow and order; whose and where to; the subject; whether it went out
 * and, when not, why. Four columns that fit the card at desktop widths; on a phone, one stacked
 * block per message (Polaris's condensed list), the status first so it is never out of sight.
 */
export function OutboxTable({
  messages,
  flowName,
  formatTime,
  t,
}: {
  messages: OutboxMessage[];
  flowName: (id: string) => string;
  formatTime: (date: Date) => string;
  t: Translate;
}) {
  const navigate = useNavigate();
  const condensed = useBreakpoints().smDown;
  const parts = (m: OutboxMessage) => {
    const link = `/app/followups/${m.flowId}`;
    const when = (
      <RowLink to={link}>
        {formatTime(new Date(m.sentAt ?? m.updatedAt))}
      </RowLink>
    );
    const what = `${flowName(m.flowId)} · ${m.orderName ?? m.orderId ?? "—"}`;
    const where = m.channel
      ? `${t(`followups.channel.${m.channel}` as MessageKey)} · ${m.recipient ?? ""}`
      : m.customerName
        ? t("followups.noChannel")
        : "—";
    const status = (
      <BlockStack gap="100" inlineAlign="start">
        <Badge tone={STATUS_TONE[m.status]}>
          {t(`followups.status.${m.status}` as MessageKey)}
        </Badge>
        {m.error && m.status !== "sent" ? (
          <Text as="span" tone="subdued" variant="bodySm">
            {describeReason(t, m.error)}
          </Text>
        ) : null}
      </BlockStack>
    );
    return { link, when, what, where, status };
  };
  return (
    <IndexTable
      resourceName={{
        singular: t("followups.outboxResource.singular"),
        plural: t("followups.outboxResource.plural"),
      }}
      itemCount={messages.length}
      selectable={false}
      condensed={condensed}
      headings={[
        { title: t("followups.colMessage") },
        { title: t("followups.colTo") },
        { title: t("followups.colSubject") },
        { title: t("followups.colStatus") },
      ]}
    >
      {messages.map((m, i) => {
        const p = parts(m);
        return (
          <IndexTable.Row
            id={m.id}
            key={m.id}
            position={i}
            onClick={() => navigate(p.link)}
          >
            {condensed ? (
              <Box padding="300" width="100%">
                <div style={wrap}>
                  <BlockStack gap="100">
                    <Text as="span" fontWeight="semibold">
                      {p.when}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {p.what}
                    </Text>
                    <Text as="span">
                      {m.customerName ? `${m.customerName} · ` : ""}
                      {p.where}
                    </Text>
                    {m.subject && (
                      <Text as="span" tone="subdued" truncate>
                        {m.subject}
                      </Text>
                    )}
                    <div>{p.status}</div>
                  </BlockStack>
                </div>
              </Box>
            ) : (
              <>
                <IndexTable.Cell>
                  <Wrap max={220}>
                    <BlockStack gap="0">
                      <Text as="span">{p.when}</Text>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {p.what}
                      </Text>
                    </BlockStack>
                  </Wrap>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Wrap max={240}>
                    <BlockStack gap="0">
                      {m.customerName && (
                        <Text as="span">{m.customerName}</Text>
                      )}
                      <Text
                        as="span"
                        tone={m.customerName ? "subdued" : undefined}
                        variant={m.customerName ? "bodySm" : undefined}
                      >
                        {p.where}
                      </Text>
                    </BlockStack>
                  </Wrap>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <div style={{ maxWidth: 200 }} title={m.subject ?? undefined}>
                    <Text as="span" truncate>
                      {m.subject ?? ""}
                    </Text>
                  </div>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Wrap max={260}>
                    <div>{p.status}</div>
                  </Wrap>
                </IndexTable.Cell>
              </>
            )}
          </IndexTable.Row>
        );
      })}
    </IndexTable>
  );
}
