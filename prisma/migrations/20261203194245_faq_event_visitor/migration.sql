-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FaqEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "query" TEXT NOT NULL DEFAULT '',
    "normalized" TEXT NOT NULL DEFAULT '',
    "handle" TEXT,
    "visitor" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_FaqEvent" ("createdAt", "handle", "id", "kind", "locale", "normalized", "query", "shop") SELECT "createdAt", "handle", "id", "kind", "locale", "normalized", "query", "shop" FROM "FaqEvent";
DROP TABLE "FaqEvent";
ALTER TABLE "new_FaqEvent" RENAME TO "FaqEvent";
CREATE INDEX "FaqEvent_shop_kind_createdAt_idx" ON "FaqEvent"("shop", "kind", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

