-- Per slice: requests, errors and the merged latency histogram of [from, to), for percentiles and shares.
-- params: from, to, service, service, customer, customer, limit, offset
SELECT service, customer, requests, errors, counts, le, layouts, mergeable, minutes_with_data,
       count() OVER () AS total_rows
FROM slice_totals(from = ?, to = ?)
WHERE (? = '' OR service = ?)
  AND (? = '' OR customer = ?)
ORDER BY service, customer
LIMIT ? OFFSET ?
