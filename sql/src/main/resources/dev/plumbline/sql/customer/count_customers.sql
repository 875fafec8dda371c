-- Customers with a row in effect on a date. params: as_of (date)
SELECT uniqExact(id) FROM customers FINAL WHERE effective_from <= ?
