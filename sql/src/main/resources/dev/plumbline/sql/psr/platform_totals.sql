-- Requests and errors over every slice of [from, to) (the previous period's platform availability).
SELECT sum(requests) AS requests, sum(errors) AS errors
FROM slice_totals(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')})
