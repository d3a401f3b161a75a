-- Kumo case file schema, version 3. Times are UTC (TIMESTAMP without zone).
-- meta: one row; loads: one row per 'kumo hunt --case' run (finished is null while a load runs or
-- when it was interrupted: the next writer removes the rows of unfinished loads).
CREATE TABLE IF NOT EXISTS meta (schema_version INTEGER NOT NULL, created TIMESTAMP NOT NULL, finding_schema VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS loads (load_id INTEGER NOT NULL, started TIMESTAMP NOT NULL, finished TIMESTAMP,
  events_seen BIGINT, events_added BIGINT, findings_seen BIGINT, findings_added BIGINT);
-- events (a view): every normalized event, once per id (the first load that saw it keeps it);
-- params: the request/response parts of the record as JSON; raw: the whole record, only when the
-- load kept it. The rows live in event_rows; the values that repeat from event to event are stored
-- once and referred to by id (that cuts the work of loading): who acted (actors), which API of
-- which source (apis), user agents and file names (strings), resource lists (resource_lists).
CREATE TABLE IF NOT EXISTS actors (actor_id INTEGER NOT NULL, principal VARCHAR, principal_type VARCHAR,
  user_name VARCHAR, access_key VARCHAR, session_issuer VARCHAR, load_id INTEGER);
CREATE TABLE IF NOT EXISTS apis (api_id INTEGER NOT NULL, source VARCHAR NOT NULL, class VARCHAR, class_uid INTEGER,
  provider VARCHAR, service VARCHAR, operation VARCHAR, load_id INTEGER);
CREATE TABLE IF NOT EXISTS strings (string_id INTEGER NOT NULL, value VARCHAR NOT NULL, load_id INTEGER);
CREATE TABLE IF NOT EXISTS resource_lists (list_id INTEGER NOT NULL, value VARCHAR[] NOT NULL, load_id INTEGER);
CREATE TABLE IF NOT EXISTS event_rows (
  id VARCHAR NOT NULL, time TIMESTAMP NOT NULL, api_id INTEGER NOT NULL, account VARCHAR, region VARCHAR,
  actor_id INTEGER, mfa BOOLEAN, source_ip VARCHAR, user_agent_id INTEGER, error_code VARCHAR,
  resources_id INTEGER, file_id INTEGER, line BIGINT, params VARCHAR, raw VARCHAR, load_id INTEGER);
CREATE OR REPLACE VIEW events AS
SELECT e.id, e.time, a.source, a.class, a.class_uid, a.provider, e.account, e.region,
  p.principal, p.principal_type, p.user_name, p.access_key, p.session_issuer,
  e.mfa, e.source_ip, ua.value AS user_agent, a.service, a.operation, e.error_code,
  r.value AS resources, f.value AS file, e.line, e.params, e.raw, e.load_id
FROM event_rows e
LEFT JOIN apis a ON a.api_id = e.api_id
LEFT JOIN actors p ON p.actor_id = e.actor_id
LEFT JOIN strings ua ON ua.string_id = e.user_agent_id
LEFT JOIN resource_lists r ON r.list_id = e.resources_id
LEFT JOIN strings f ON f.string_id = e.file_id;
-- findings: once per (rule_id, event_id, correlation_group, reason); correlation_group is the group's
-- key=value pairs joined by U+001F ('' for plain findings); correlation_keys/_values hold the same pairs;
-- intel: the threat-intel indicators the finding's event matched, one line each.
CREATE TABLE IF NOT EXISTS findings (
  rule_id VARCHAR NOT NULL, rule_name VARCHAR, rule_title VARCHAR, level VARCHAR, rule_source VARCHAR,
  author VARCHAR, license VARCHAR, techniques VARCHAR[], tactics VARCHAR[], threats VARCHAR[], reason VARCHAR,
  evidence VARCHAR[], event_id VARCHAR NOT NULL, time TIMESTAMP, source VARCHAR, account VARCHAR, region VARCHAR,
  principal VARCHAR, principal_type VARCHAR, access_key VARCHAR, source_ip VARCHAR, destination VARCHAR,
  user_agent VARCHAR, service VARCHAR, operation VARCHAR, error_code VARCHAR, resources VARCHAR[], file VARCHAR,
  line BIGINT, correlation_type VARCHAR, correlation_group VARCHAR NOT NULL, correlation_keys VARCHAR[],
  correlation_values VARCHAR[],
  correlation_events VARCHAR[], correlation_event_count BIGINT, correlation_value DOUBLE,
  correlation_first_time TIMESTAMP, suppressed_by VARCHAR, intel VARCHAR[], load_id INTEGER);
-- links: who became whom (successful STS calls that issued a session), once per event id.
CREATE TABLE IF NOT EXISTS links (
  event_id VARCHAR NOT NULL, time TIMESTAMP NOT NULL, operation VARCHAR NOT NULL, account VARCHAR,
  from_principal VARCHAR, from_key VARCHAR, from_type VARCHAR, to_principal VARCHAR, to_key VARCHAR,
  role_arn VARCHAR, source_ip VARCHAR, load_id INTEGER);
-- incidents, their narrative steps and member findings: recomputed from all findings and links at
-- the end of every load (deterministic, so unchanged findings give unchanged incidents).
CREATE TABLE IF NOT EXISTS incidents (
  incident_id VARCHAR NOT NULL, title VARCHAR, level VARCHAR, first_seen TIMESTAMP, last_seen TIMESTAMP,
  principals VARCHAR[], access_keys VARCHAR[], accounts VARCHAR[], regions VARCHAR[], source_ips VARCHAR[],
  resources VARCHAR[], threats VARCHAR[], techniques VARCHAR[], tactics VARCHAR[], why VARCHAR[],
  finding_count BIGINT);
CREATE TABLE IF NOT EXISTS incident_steps (
  incident_id VARCHAR NOT NULL, step INTEGER NOT NULL, tactic VARCHAR, first_seen TIMESTAMP, last_seen TIMESTAMP,
  level VARCHAR, techniques VARCHAR[], text VARCHAR, findings INTEGER);
CREATE TABLE IF NOT EXISTS incident_findings (
  incident_id VARCHAR NOT NULL, rule_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, correlation_group VARCHAR NOT NULL);
-- principals: one row per acting principal; access_keys: one row per access key.
CREATE OR REPLACE VIEW principals AS
WITH ev AS (
  SELECT principal, mode(principal_type) AS principal_type, min(time) AS first_seen, max(time) AS last_seen,
    list_sort(list(DISTINCT account) FILTER (WHERE account IS NOT NULL)) AS accounts,
    list_sort(list(DISTINCT region) FILTER (WHERE region IS NOT NULL)) AS regions,
    list_sort(list(DISTINCT source_ip) FILTER (WHERE source_ip IS NOT NULL)) AS source_ips,
    list_sort(list(DISTINCT user_agent) FILTER (WHERE user_agent IS NOT NULL)) AS user_agents,
    list_sort(list(DISTINCT access_key) FILTER (WHERE access_key IS NOT NULL)) AS access_keys,
    count(*) AS events, count(error_code) AS errors
  FROM events WHERE principal IS NOT NULL GROUP BY principal),
api AS (
  SELECT principal, string_agg(api || ' (' || n || ')', ', ' ORDER BY n DESC, api) AS top_apis FROM (
    SELECT principal, api, n, row_number() OVER (PARTITION BY principal ORDER BY n DESC, api) AS r FROM (
      SELECT principal, coalesce(regexp_replace(service, '\.amazonaws\.com$', ''), '?') || ':'
        || coalesce(operation, '?') AS api, count(*) AS n
      FROM events WHERE principal IS NOT NULL GROUP BY ALL))
  WHERE r <= 10 GROUP BY principal),
fi AS (SELECT principal, count(*) AS findings FROM findings WHERE principal IS NOT NULL AND suppressed_by IS NULL
  GROUP BY principal)
SELECT ev.*, api.top_apis, coalesce(fi.findings, 0) AS findings
FROM ev LEFT JOIN api USING (principal) LEFT JOIN fi USING (principal);
CREATE OR REPLACE VIEW access_keys AS
WITH ev AS (
  SELECT access_key, list_sort(list(DISTINCT principal) FILTER (WHERE principal IS NOT NULL)) AS principals,
    min(time) AS first_seen, max(time) AS last_seen,
    list_sort(list(DISTINCT account) FILTER (WHERE account IS NOT NULL)) AS accounts,
    list_sort(list(DISTINCT region) FILTER (WHERE region IS NOT NULL)) AS regions,
    list_sort(list(DISTINCT source_ip) FILTER (WHERE source_ip IS NOT NULL)) AS source_ips,
    list_sort(list(DISTINCT user_agent) FILTER (WHERE user_agent IS NOT NULL)) AS user_agents,
    count(*) AS events, count(error_code) AS errors
  FROM events WHERE access_key IS NOT NULL GROUP BY access_key),
fi AS (SELECT access_key, count(*) AS findings FROM findings WHERE access_key IS NOT NULL AND suppressed_by IS NULL
  GROUP BY access_key)
SELECT ev.*, coalesce(fi.findings, 0) AS findings FROM ev LEFT JOIN fi USING (access_key);
