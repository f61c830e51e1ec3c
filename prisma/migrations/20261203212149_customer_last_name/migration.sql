-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "lastName" TEXT;

