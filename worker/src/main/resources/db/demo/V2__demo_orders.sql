-- A handful of orders for lookup_order. Orders not listed here are unknown to the demo: lookup_order
-- answers found=false for them and issue_refund refunds them without checking a total.

INSERT INTO orders (order_id, customer, total, currency, status)
SELECT 'A-1', 'ana.silva@example.com', 250.00, 'USD', 'DELIVERED'
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE order_id = 'A-1');

INSERT INTO orders (order_id, customer, total, currency, status)
SELECT 'A-2', 'ben.okafor@example.com', 89.90, 'USD', 'DELIVERED'
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE order_id = 'A-2');

INSERT INTO orders (order_id, customer, total, currency, status)
SELECT 'A-3', 'chen.li@example.com', 1200.00, 'USD', 'SHIPPED'
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE order_id = 'A-3');

INSERT INTO orders (order_id, customer, total, currency, status)
SELECT 'B-7', 'dana.berg@example.com', 450.00, 'EUR', 'DELIVERED'
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE order_id = 'B-7');

INSERT INTO orders (order_id, customer, total, currency, status)
SELECT 'C-42', 'eli.cohen@example.com', 35.00, 'GBP', 'CANCELLED'
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE order_id = 'C-42');
