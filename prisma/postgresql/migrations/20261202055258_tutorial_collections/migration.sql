-- AlterTable
ALTER TABLE "Tutorial" ADD COLUMN     "collections" TEXT NOT NULL DEFAULT '[]';

