-- CreateTable
CREATE TABLE "FaqGapResolution" (
    "shop" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entryId" TEXT,
    "resolvedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "locale", "key")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FaqTranslation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "phrasings" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "FaqTranslation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "FaqEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_FaqTranslation" ("answer", "category", "entryId", "id", "locale", "question") SELECT "answer", "category", "entryId", "id", "locale", "question" FROM "FaqTranslation";
DROP TABLE "FaqTranslation";
ALTER TABLE "new_FaqTranslation" RENAME TO "FaqTranslation";
CREATE UNIQUE INDEX "FaqTranslation_entryId_locale_key" ON "FaqTranslation"("entryId", "locale");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

