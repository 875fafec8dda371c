-- The number of services in the catalog.
SELECT count() FROM services FINAL WHERE is_deleted = 0
