-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'customers',
    "status" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "activeKey" TEXT,
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "linesApplied" INTEGER NOT NULL DEFAULT 0,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SyncRun_bulkOperationId_key" ON "SyncRun"("bulkOperationId");

-- CreateIndex
CREATE UNIQUE INDEX "SyncRun_activeKey_key" ON "SyncRun"("activeKey");

-- CreateIndex
CREATE INDEX "SyncRun_shop_startedAt_idx" ON "SyncRun"("shop", "startedAt");

