-- CreateTable
CREATE TABLE "Flow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "preset" TEXT,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "delayMinutes" INTEGER NOT NULL DEFAULT 0,
    "conditions" TEXT NOT NULL DEFAULT '{}',
    "marketing" BOOLEAN NOT NULL DEFAULT true,
    "channels" TEXT NOT NULL DEFAULT 'email',
    "templates" TEXT NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FlowMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Unsubscribe" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ChannelSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "smtpHost" TEXT,
    "smtpPort" INTEGER,
    "smtpUser" TEXT,
    "smtpPass" TEXT,
    "smtpSecure" BOOLEAN NOT NULL DEFAULT false,
    "emailFrom" TEXT,
    "lineToken" TEXT,
    "twilioSid" TEXT,
    "twilioToken" TEXT,
    "twilioFrom" TEXT,
    "quietStart" INTEGER NOT NULL DEFAULT 21,
    "quietEnd" INTEGER NOT NULL DEFAULT 9,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Flow_shop_trigger_enabled_idx" ON "Flow"("shop", "trigger", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "Flow_shop_preset_key" ON "Flow"("shop", "preset");

-- CreateIndex
CREATE UNIQUE INDEX "FlowMessage_idemKey_key" ON "FlowMessage"("idemKey");

-- CreateIndex
CREATE INDEX "FlowMessage_shop_flowId_status_idx" ON "FlowMessage"("shop", "flowId", "status");

-- CreateIndex
CREATE INDEX "FlowMessage_shop_createdAt_idx" ON "FlowMessage"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Unsubscribe_shop_customerId_channel_key" ON "Unsubscribe"("shop", "customerId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelSettings_shop_key" ON "ChannelSettings"("shop");

