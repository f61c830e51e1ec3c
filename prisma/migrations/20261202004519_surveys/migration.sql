-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "choices" TEXT NOT NULL DEFAULT '[]',
    "followUp" BOOLEAN NOT NULL DEFAULT true,
    "placements" TEXT NOT NULL DEFAULT 'block',
    "audience" TEXT NOT NULL DEFAULT 'all',
    "locales" TEXT NOT NULL DEFAULT '',
    "cooldownDays" INTEGER NOT NULL DEFAULT 90,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "score" INTEGER,
    "choice" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL,
    "customerId" TEXT,
    "orderId" TEXT,
    "responseKey" TEXT,
    "sentiment" TEXT,
    "loyalty" TEXT,
    "cues" TEXT,
    "followedUpAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Survey_shop_active_idx" ON "Survey"("shop", "active");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_responseKey_key" ON "SurveyResponse"("responseKey");

-- CreateIndex
CREATE INDEX "SurveyResponse_shop_createdAt_idx" ON "SurveyResponse"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_shop_surveyId_customerId_idx" ON "SurveyResponse"("shop", "surveyId", "customerId");

