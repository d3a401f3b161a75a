-- Principals with the most failed API calls (access denied and other errors)
SELECT principal, count(*) AS failed_calls, count(DISTINCT operation) AS operations,
  list_sort(list(DISTINCT error_code))[1:5] AS error_codes, min(time) AS first_seen, max(time) AS last_seen
FROM events
WHERE error_code IS NOT NULL AND error_code <> '' AND principal IS NOT NULL
GROUP BY principal
ORDER BY failed_calls DESC, principal
LIMIT 50;
