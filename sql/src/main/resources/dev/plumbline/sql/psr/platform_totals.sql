-- Requests and errors over every slice of [from, to) (the previous period's platform availability).
SELECT sum(requests) AS requests, sum(errors) AS errors
FROM slice_totals(from = {from:DateTime('UTC')}, to = {to:DateTime('UTC')},
                  day_from = {day_from:DateTime('UTC')}, day_to = {day_to:DateTime('UTC')},
                  month_from = {month_from:DateTime('UTC')}, month_to = {month_to:DateTime('UTC')},
                  hour_from = {hour_from:DateTime('UTC')}, hour_to = {hour_to:DateTime('UTC')}, edges = {edges:Bool})
