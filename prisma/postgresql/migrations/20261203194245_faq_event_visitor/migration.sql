-- AlterTable
ALTER TABLE "FaqEvent" ADD COLUMN     "visitor" TEXT NOT NULL DEFAULT '';

