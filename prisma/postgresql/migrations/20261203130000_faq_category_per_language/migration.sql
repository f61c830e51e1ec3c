-- The category is shown to shoppers as a heading: written per language, like the question.
ALTER TABLE "FaqTranslation" ADD COLUMN "category" TEXT NOT NULL DEFAULT '';
UPDATE "FaqTranslation" SET "category" = (SELECT "category" FROM "FaqEntry" WHERE "FaqEntry"."id" = "FaqTranslation"."entryId");
ALTER TABLE "FaqEntry" DROP COLUMN "category";
