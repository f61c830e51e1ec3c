-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN "stageMergedTo" TEXT;

-- CreateTable
CREATE TABLE "SyncOrderStage" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT,
    "locale" TEXT,
    "processedAt" DATETIME NOT NULL,
    "totalPrice" DECIMAL NOT NULL,
    "currency" TEXT NOT NULL,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "shopifyUpdatedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

