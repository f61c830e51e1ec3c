-- CreateTable
CREATE TABLE "FaqEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT NOT NULL DEFAULT '',
    "views" INTEGER NOT NULL DEFAULT 0,
    "helpful" INTEGER NOT NULL DEFAULT 0,
    "notHelpful" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FaqTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    CONSTRAINT "FaqTranslation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "FaqEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FaqSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "synonyms" TEXT NOT NULL DEFAULT '',
    "contactUrl" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "publishError" TEXT,
    "publishedInfo" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FaqEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "query" TEXT NOT NULL DEFAULT '',
    "normalized" TEXT NOT NULL DEFAULT '',
    "handle" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "FaqEntry_shop_position_idx" ON "FaqEntry"("shop", "position");

-- CreateIndex
CREATE UNIQUE INDEX "FaqEntry_shop_handle_key" ON "FaqEntry"("shop", "handle");

-- CreateIndex
CREATE UNIQUE INDEX "FaqTranslation_entryId_locale_key" ON "FaqTranslation"("entryId", "locale");

-- CreateIndex
CREATE INDEX "FaqEvent_shop_kind_createdAt_idx" ON "FaqEvent"("shop", "kind", "createdAt");

