-- Access keys used from more than one source IP (possible stolen credentials)
SELECT access_key, any_value(principal) AS principal, count(DISTINCT source_ip) AS source_ips,
  list_sort(list(DISTINCT source_ip)) AS ips, min(time) AS first_seen, max(time) AS last_seen, count(*) AS events
FROM events
WHERE access_key IS NOT NULL AND source_ip IS NOT NULL
GROUP BY access_key
HAVING count(DISTINCT source_ip) > 1
ORDER BY source_ips DESC, events DESC, access_key;
