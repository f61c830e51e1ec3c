-- CreateTable
CREATE TABLE "FaqBeacon" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateIndex
CREATE INDEX "FaqBeacon_createdAt_idx" ON "FaqBeacon"("createdAt");

