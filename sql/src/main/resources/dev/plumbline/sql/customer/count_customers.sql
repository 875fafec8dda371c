-- Customers with a row in effect on a date (customers_as_of: one row each).
SELECT count() AS customers FROM customers_as_of(as_of = {as_of:Date})
