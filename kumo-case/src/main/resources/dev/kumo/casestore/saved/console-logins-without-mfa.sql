-- AWS console sign-ins that succeeded without MFA, newest first
SELECT time, principal, principal_type, account, source_ip, user_agent
FROM events
WHERE operation = 'ConsoleLogin' AND coalesce(mfa, false) = false
  AND (error_code IS NULL OR error_code = '')
  AND coalesce(json_extract_string(params, '$.responseElements.ConsoleLogin'), 'Success') = 'Success'
ORDER BY time DESC;
