-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "stageMergedTo" TEXT;

-- CreateTable
CREATE TABLE "SyncOrderStage" (
    "seq" SERIAL NOT NULL,
    "runId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT,
    "locale" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL,
    "totalPrice" DECIMAL(65,30) NOT NULL,
    "currency" TEXT NOT NULL,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "shopifyUpdatedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncOrderStage_pkey" PRIMARY KEY ("seq")
);

