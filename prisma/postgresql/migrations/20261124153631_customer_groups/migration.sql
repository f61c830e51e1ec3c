-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "metafields" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "GroupSettings" (
    "shop" TEXT NOT NULL,
    "dormantDays" INTEGER NOT NULL DEFAULT 120,
    "pointsSource" TEXT,
    "engagedTags" TEXT NOT NULL DEFAULT 'campaign,inquiry',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GroupSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "SegmentLink" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "segmentId" TEXT,
    "query" TEXT NOT NULL,
    "error" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SegmentLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SegmentLink_shop_group_key" ON "SegmentLink"("shop", "group");

