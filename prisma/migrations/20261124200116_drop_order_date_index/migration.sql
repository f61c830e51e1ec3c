-- DropIndex
DROP INDEX "Order_shop_processedAt_idx";

