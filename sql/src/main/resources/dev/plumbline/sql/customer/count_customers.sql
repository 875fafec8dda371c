-- Customers with a row in effect on a date.
SELECT uniqExact(id) AS customers FROM customers FINAL WHERE effective_from <= {as_of:Date}
