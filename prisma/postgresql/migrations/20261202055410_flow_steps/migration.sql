-- DropIndex
DROP INDEX "FlowMessage_shop_flowId_status_idx";

-- AlterTable (hand-written: each flow's single message becomes its first step, id "main", the id
-- existing FlowMessage rows get by default and whose idempotency keys carry no step suffix)
ALTER TABLE "Flow" ADD COLUMN     "steps" TEXT NOT NULL DEFAULT '[]';
UPDATE "Flow" SET "steps" = json_build_array(json_build_object('id', 'main', 'delayMinutes', "delayMinutes", 'templates', "templates"::json))::text;
ALTER TABLE "Flow" DROP COLUMN "delayMinutes",
DROP COLUMN "templates";

-- AlterTable
ALTER TABLE "FlowMessage" ADD COLUMN     "step" TEXT NOT NULL DEFAULT 'main';

-- AlterTable
ALTER TABLE "Unsubscribe" ADD COLUMN     "messageId" TEXT;

-- CreateIndex
CREATE INDEX "FlowMessage_shop_flowId_step_status_idx" ON "FlowMessage"("shop", "flowId", "step", "status");

