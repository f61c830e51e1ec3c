-- AlterTable
ALTER TABLE "FaqTranslation" ADD COLUMN     "phrasings" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "FaqGapResolution" (
    "shop" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entryId" TEXT,
    "resolvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqGapResolution_pkey" PRIMARY KEY ("shop","locale","key")
);

