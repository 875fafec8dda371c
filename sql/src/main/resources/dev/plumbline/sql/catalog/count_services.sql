-- The number of services in the catalog.
SELECT count() AS services FROM services FINAL WHERE is_deleted = 0
