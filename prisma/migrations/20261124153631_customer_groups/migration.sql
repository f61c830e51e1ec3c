-- CreateTable
CREATE TABLE "GroupSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "dormantDays" INTEGER NOT NULL DEFAULT 120,
    "pointsSource" TEXT,
    "engagedTags" TEXT NOT NULL DEFAULT 'campaign,inquiry',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SegmentLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "segmentId" TEXT,
    "query" TEXT NOT NULL,
    "error" TEXT,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "firstName" TEXT,
    "locale" TEXT,
    "accountState" TEXT,
    "emailConsent" TEXT,
    "smsConsent" TEXT,
    "tags" TEXT NOT NULL DEFAULT '',
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "amountSpent" DECIMAL NOT NULL DEFAULT 0,
    "firstOrderAt" DATETIME,
    "lastOrderAt" DATETIME,
    "metafields" TEXT NOT NULL DEFAULT '{}',
    "shopifyUpdatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Customer" ("accountState", "amountSpent", "customerId", "email", "emailConsent", "firstName", "firstOrderAt", "id", "lastOrderAt", "locale", "ordersCount", "phone", "shop", "shopifyUpdatedAt", "smsConsent", "tags", "updatedAt") SELECT "accountState", "amountSpent", "customerId", "email", "emailConsent", "firstName", "firstOrderAt", "id", "lastOrderAt", "locale", "ordersCount", "phone", "shop", "shopifyUpdatedAt", "smsConsent", "tags", "updatedAt" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_shop_lastOrderAt_idx" ON "Customer"("shop", "lastOrderAt");
CREATE UNIQUE INDEX "Customer_shop_customerId_key" ON "Customer"("shop", "customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SegmentLink_shop_group_key" ON "SegmentLink"("shop", "group");

