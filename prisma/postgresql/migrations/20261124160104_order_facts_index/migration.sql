-- DropIndex
DROP INDEX "Order_shop_customerId_idx";

-- CreateIndex
CREATE INDEX "Order_shop_customerId_processedAt_idx" ON "Order"("shop", "customerId", "processedAt");

