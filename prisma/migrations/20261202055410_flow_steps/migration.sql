-- AlterTable
ALTER TABLE "Unsubscribe" ADD COLUMN "messageId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Flow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "preset" TEXT,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "conditions" TEXT NOT NULL DEFAULT '{}',
    "marketing" BOOLEAN NOT NULL DEFAULT true,
    "channels" TEXT NOT NULL DEFAULT 'email',
    "steps" TEXT NOT NULL DEFAULT '[]',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
-- Hand-written: each flow's single message becomes its first step, id "main" (the id existing
-- FlowMessage rows get by default, and whose idempotency keys carry no step suffix).
INSERT INTO "new_Flow" ("channels", "conditions", "createdAt", "enabled", "id", "marketing", "name", "preset", "shop", "trigger", "updatedAt", "steps") SELECT "channels", "conditions", "createdAt", "enabled", "id", "marketing", "name", "preset", "shop", "trigger", "updatedAt", json_array(json_object('id', 'main', 'delayMinutes', "delayMinutes", 'templates', json("templates"))) FROM "Flow";
DROP TABLE "Flow";
ALTER TABLE "new_Flow" RENAME TO "Flow";
CREATE INDEX "Flow_shop_trigger_enabled_idx" ON "Flow"("shop", "trigger", "enabled");
CREATE UNIQUE INDEX "Flow_shop_preset_key" ON "Flow"("shop", "preset");
CREATE TABLE "new_FlowMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "step" TEXT NOT NULL DEFAULT 'main',
    "idemKey" TEXT NOT NULL,
    "orderId" TEXT,
    "customerId" TEXT,
    "channel" TEXT,
    "recipient" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "error" TEXT,
    "providerId" TEXT,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "scheduledAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_FlowMessage" ("body", "channel", "clicks", "createdAt", "customerId", "error", "flowId", "id", "idemKey", "locale", "orderId", "providerId", "recipient", "scheduledAt", "sentAt", "shop", "status", "subject", "updatedAt") SELECT "body", "channel", "clicks", "createdAt", "customerId", "error", "flowId", "id", "idemKey", "locale", "orderId", "providerId", "recipient", "scheduledAt", "sentAt", "shop", "status", "subject", "updatedAt" FROM "FlowMessage";
DROP TABLE "FlowMessage";
ALTER TABLE "new_FlowMessage" RENAME TO "FlowMessage";
CREATE UNIQUE INDEX "FlowMessage_idemKey_key" ON "FlowMessage"("idemKey");
CREATE INDEX "FlowMessage_shop_flowId_step_status_idx" ON "FlowMessage"("shop", "flowId", "step", "status");
CREATE INDEX "FlowMessage_shop_createdAt_idx" ON "FlowMessage"("shop", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

