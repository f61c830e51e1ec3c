import {
  customerAt,
  generateProducts,
  guestOrderAt,
  numberOrders,
  type SeedOptions,
} from "./generate";
import type { Customer, Order, Product, ShopData } from "./types";

/**
 * A large shop, streamed: customers (with their orders) in chunks, then guest orders until the
 * wanted order count. Nothing but one chunk is held in memory; the same (seed, index) always gives
 * the same customer, so a run can be repeated or resumed.
 */
export function* shopChunks(
  opts: SeedOptions,
  chunkSize = 1000,
): Generator<ShopData> {
  const products: Product[] = generateProducts(opts);
  const locations = [{ legacyId: 61_000_000_001, name: "東京倉庫" }];
  let numbered = 0;
  for (let start = 0; start < opts.customers; start += chunkSize) {
    const customers: Customer[] = [];
    const orders: Order[] = [];
    for (let i = start; i < Math.min(opts.customers, start + chunkSize); i++) {
      const { customer, orders: own } = customerAt(opts, i, products);
      numberOrders(own, numbered);
      numbered += own.length;
      customer.orderIds = own.map((o) => o.legacyId);
      customers.push(customer);
      orders.push(...own);
    }
    yield { products, customers, orders, locations };
  }
  for (let g = 0; numbered < opts.orders; g += chunkSize) {
    const orders: Order[] = [];
    for (
      let k = 0;
      k < chunkSize && numbered + orders.length < opts.orders;
      k++
    )
      orders.push(guestOrderAt(opts, g + k, products));
    numberOrders(orders, numbered);
    numbered += orders.length;
    yield { products, customers: [], orders, locations };
  }
}
