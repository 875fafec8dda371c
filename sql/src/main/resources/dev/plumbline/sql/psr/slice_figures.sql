-- Per slice: requests, errors and the merged latency histogram of [from, to), for percentiles and shares.
SELECT service, customer, requests, errors, counts, le, layouts, mergeable, minutes_with_data,
       count() OVER () AS total_rows
FROM slice_totals(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')},
                  day_from = {day_from:DateTime('UTC')}, day_to = {day_to:DateTime('UTC')},
                  month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                  hour_from = {hour_from:DateTime('UTC')}, hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool})
WHERE ({service:String} = '' OR service = {service:String})
  AND ({customer:String} = '' OR customer = {customer:String})
ORDER BY service, customer
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
