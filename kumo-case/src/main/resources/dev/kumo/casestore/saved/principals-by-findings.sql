-- Principals ranked by findings, with where they came from
SELECT principal, principal_type, findings, events, first_seen, last_seen, accounts, source_ips
FROM principals
WHERE findings > 0
ORDER BY findings DESC, events DESC, principal;
