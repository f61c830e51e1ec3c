import { Prisma, type PrismaClient } from "@prisma/client";
import { parseSteps } from "./flows.server";

export interface StepStats {
  scheduled: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: number;
  clicks: number;
  /** Customers who followed this step's unsubscribe link. */
  unsubscribed: number;
  /** Survey answers from this step's survey link (the answer's order got this step's message first). */
  surveyAnswers: number;
}

const empty = (): StepStats => ({
  scheduled: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  uncertain: 0,
  clicks: 0,
  unsubscribed: 0,
  surveyAnswers: 0,
});

/**
 * Stats per flow and step ("<flowId>|<stepId>"), and per flow summed ("<flowId>"). Messages carry
 * their step; an unsubscribe carries the message whose link was followed; a survey answer given
 * through an email link is counted for the steps whose message with a survey link reached that
 * order before the answer.
 */
export async function flowStats(
  db: PrismaClient,
  shop: string,
  flowId?: string,
): Promise<Map<string, StepStats>> {
  // One flow's (its editor) or every flow's (the list).
  const ofFlow = flowId ? Prisma.sql`AND m."flowId" = ${flowId}` : Prisma.empty;
  const [flows, rows, unsubs, answers] = await Promise.all([
    db.flow.findMany({
      where: { shop, ...(flowId ? { id: flowId } : {}) },
      select: { id: true, steps: true },
    }),
    db.flowMessage.groupBy({
      by: ["flowId", "step", "status"],
      where: { shop, ...(flowId ? { flowId } : {}) },
      _count: { _all: true },
      _sum: { clicks: true },
    }),
    db.$queryRaw<{ flowId: string; step: string; n: bigint | number }[]>`
      SELECT m."flowId" AS "flowId", m."step" AS "step", COUNT(*) AS "n"
      FROM "Unsubscribe" u JOIN "FlowMessage" m ON m."id" = u."messageId"
      WHERE u."shop" = ${shop} AND m."shop" = ${shop} ${ofFlow}
      GROUP BY m."flowId", m."step"`,
    db.$queryRaw<{ flowId: string; step: string; n: bigint | number }[]>`
      SELECT m."flowId" AS "flowId", m."step" AS "step", COUNT(DISTINCT r."id") AS "n"
      FROM "SurveyResponse" r JOIN "FlowMessage" m ON m."shop" = r."shop" AND m."orderId" = r."orderId"
      WHERE r."shop" = ${shop} AND r."channel" = 'email' AND m."status" = 'sent' AND m."sentAt" <= r."createdAt" ${ofFlow}
      GROUP BY m."flowId", m."step"`,
  ]);
  const stats = new Map<string, StepStats>();
  const add = (flowId: string, step: string, f: (s: StepStats) => void) => {
    for (const key of [flowId, `${flowId}|${step}`]) {
      const s = stats.get(key) ?? empty();
      f(s);
      stats.set(key, s);
    }
  };
  for (const r of rows)
    add(r.flowId, r.step, (s) => {
      s[r.status as keyof StepStats] =
        (s[r.status as keyof StepStats] ?? 0) + r._count._all;
      s.clicks += r._sum.clicks ?? 0;
    });
  for (const r of unsubs)
    add(r.flowId, r.step, (s) => (s.unsubscribed += Number(r.n)));
  // Only steps whose message has a survey link can have brought an answer.
  const surveySteps = new Set(
    flows.flatMap((f) =>
      parseSteps(f.steps)
        .filter((st) => JSON.stringify(st.templates).includes("survey_link"))
        .map((st) => `${f.id}|${st.id}`),
    ),
  );
  for (const r of answers)
    if (surveySteps.has(`${r.flowId}|${r.step}`))
      add(r.flowId, r.step, (s) => (s.surveyAnswers += Number(r.n)));
  return stats;
}
