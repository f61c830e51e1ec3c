import { useEffect, useState } from "preact/hooks";
import { backend, checkoutToken, locale, orderId, orderQuery } from "../api";

interface Question {
  id: string;
  kind: "nps" | "csat" | "choice";
  question: string;
  choices: { value: string; label: string }[];
  followUp: boolean;
}

type Phase = "loading" | "asking" | "sending" | "done" | "hidden";

/**
 * One question after the purchase (NPS, CSAT or a choice), then an optional comment. Nothing is
 * shown when the shop asks nothing for this order or the app cannot be reached.
 */
export function Survey() {
  const t = shopify.i18n.translate;
  const [q, setQ] = useState<Question | null>(null);
  const [phase, setPhase] = useState<Phase>("loading");
  const [score, setScore] = useState<number | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [error, setError] = useState(false);
  const order = orderId();
  // With the checkout's token, which may arrive after the first render: asked again then.
  const query = orderQuery();

  useEffect(() => {
    if (!query) return setPhase("hidden");
    // Only the latest request decides: an earlier one (without the token) may answer last.
    let live = true;
    backend<{ survey: Question | null }>(
      `/api/checkout/survey?${query}&locale=${encodeURIComponent(locale())}`,
    )
      .then((r) => {
        if (!live) return;
        setQ(r.survey);
        setPhase(r.survey ? "asking" : "hidden");
      })
      .catch(() => live && setPhase("hidden"));
    return () => {
      live = false;
    };
  }, [query]);

  if (phase === "hidden" || phase === "loading" || !q) return null;
  if (phase === "done")
    return (
      <s-section heading={t("survey.heading")}>
        <s-text>{t("survey.thanks")}</s-text>
      </s-section>
    );

  const answered = q.kind === "choice" ? choice !== null : score !== null;
  const send = async () => {
    setPhase("sending");
    setError(false);
    try {
      await backend("/api/checkout/survey", {
        method: "POST",
        body: {
          survey: q.id,
          order,
          checkout: checkoutToken() ?? undefined,
          locale: locale(),
          score: q.kind === "choice" ? null : score,
          choice: q.kind === "choice" ? choice : null,
          comment: comment.trim(),
        },
      });
      setPhase("done");
    } catch {
      setError(true);
      setPhase("asking");
    }
  };
  const range = q.kind === "nps" ? [0, 10] : [1, 5];
  const scores =
    q.kind === "choice"
      ? []
      : Array.from({ length: range[1] - range[0] + 1 }, (_, i) => range[0] + i);

  return (
    <s-section heading={t("survey.heading")}>
      <s-stack gap="base">
        <s-text>{q.question}</s-text>
        {q.kind === "choice" ? (
          <s-stack direction="inline" gap="small-200">
            {q.choices.map((c) => (
              <s-button
                key={c.value}
                variant={choice === c.value ? "primary" : "secondary"}
                onClick={() => setChoice(c.value)}
              >
                {c.label}
              </s-button>
            ))}
          </s-stack>
        ) : (
          <s-stack gap="small-200">
            <s-stack direction="inline" gap="small-300">
              {scores.map((n) => (
                <s-button
                  key={n}
                  variant={score === n ? "primary" : "secondary"}
                  accessibilityLabel={t("survey.scoreLabel", { score: n })}
                  onClick={() => setScore(n)}
                >
                  {String(n)}
                </s-button>
              ))}
            </s-stack>
            <s-stack direction="inline" justifyContent="space-between">
              <s-text color="subdued">
                {t(q.kind === "csat" ? "survey.lowCsat" : "survey.low")}
              </s-text>
              <s-text color="subdued">
                {t(q.kind === "csat" ? "survey.highCsat" : "survey.high")}
              </s-text>
            </s-stack>
          </s-stack>
        )}
        {q.followUp && answered && (
          <s-text-area
            label={t("survey.comment")}
            maxLength={1000}
            value={comment}
            onInput={(e: Event) =>
              setComment((e.currentTarget as HTMLTextAreaElement).value)
            }
          />
        )}
        {error && <s-banner tone="critical">{t("survey.error")}</s-banner>}
        <s-button
          variant="primary"
          disabled={!answered}
          loading={phase === "sending"}
          onClick={send}
        >
          {t("survey.submit")}
        </s-button>
      </s-stack>
    </s-section>
  );
}
