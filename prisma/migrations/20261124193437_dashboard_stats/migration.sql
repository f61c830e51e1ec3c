-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "contrib" TEXT;

-- CreateTable
CREATE TABLE "StatTotal" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "fans" INTEGER NOT NULL DEFAULT 0,
    "timezone" TEXT NOT NULL DEFAULT '',
    "dormantDays" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "StatDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "lastOrders" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "day")
);

-- CreateTable
CREATE TABLE "StatMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "repeatOrders" INTEGER NOT NULL DEFAULT 0,
    "recovered" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "month")
);

