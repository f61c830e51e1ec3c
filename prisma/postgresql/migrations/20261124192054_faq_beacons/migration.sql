-- CreateTable
CREATE TABLE "FaqBeacon" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqBeacon_pkey" PRIMARY KEY ("shop","id")
);

-- CreateIndex
CREATE INDEX "FaqBeacon_createdAt_idx" ON "FaqBeacon"("createdAt");

