-- Kumo case file schema, version 1. Times are UTC (TIMESTAMP without zone).
CREATE TABLE IF NOT EXISTS meta (schema_version INTEGER NOT NULL, created TIMESTAMP NOT NULL, finding_schema VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS loads (load_id INTEGER NOT NULL, started TIMESTAMP NOT NULL, finished TIMESTAMP,
  events_seen BIGINT, events_added BIGINT, findings_seen BIGINT, findings_added BIGINT);
CREATE TABLE IF NOT EXISTS events (
  id VARCHAR NOT NULL, time TIMESTAMP NOT NULL, source VARCHAR NOT NULL, class VARCHAR, class_uid INTEGER,
  provider VARCHAR, account VARCHAR, region VARCHAR,
  principal VARCHAR, principal_type VARCHAR, user_name VARCHAR, access_key VARCHAR, mfa BOOLEAN,
  source_ip VARCHAR, user_agent VARCHAR, service VARCHAR, operation VARCHAR, error_code VARCHAR,
  resources VARCHAR[], file VARCHAR, line BIGINT, raw VARCHAR, load_id INTEGER);
CREATE TABLE IF NOT EXISTS findings (
  rule_id VARCHAR NOT NULL, rule_title VARCHAR, level VARCHAR, rule_source VARCHAR,
  techniques VARCHAR[], tactics VARCHAR[], threats VARCHAR[], reason VARCHAR, evidence VARCHAR[],
  event_id VARCHAR NOT NULL, time TIMESTAMP, source VARCHAR, account VARCHAR, region VARCHAR,
  principal VARCHAR, source_ip VARCHAR, correlation_type VARCHAR, correlation_group VARCHAR NOT NULL,
  suppressed_by VARCHAR, load_id INTEGER);
CREATE TABLE IF NOT EXISTS incidents (
  incident_id VARCHAR NOT NULL, title VARCHAR, level VARCHAR, first_seen TIMESTAMP, last_seen TIMESTAMP,
  principals VARCHAR[], accounts VARCHAR[], finding_count BIGINT, summary VARCHAR);
CREATE OR REPLACE VIEW principals AS
WITH ev AS (
  SELECT principal, mode(principal_type) AS principal_type, min(time) AS first_seen, max(time) AS last_seen,
    list_sort(list(DISTINCT account) FILTER (WHERE account IS NOT NULL)) AS accounts,
    list_sort(list(DISTINCT region) FILTER (WHERE region IS NOT NULL)) AS regions,
    list_sort(list(DISTINCT source_ip) FILTER (WHERE source_ip IS NOT NULL)) AS source_ips,
    list_sort(list(DISTINCT user_agent) FILTER (WHERE user_agent IS NOT NULL)) AS user_agents,
    count(*) AS events
  FROM events WHERE principal IS NOT NULL GROUP BY principal),
fi AS (SELECT principal, count(*) AS findings FROM findings WHERE principal IS NOT NULL GROUP BY principal)
SELECT ev.*, coalesce(fi.findings, 0) AS findings FROM ev LEFT JOIN fi USING (principal);
