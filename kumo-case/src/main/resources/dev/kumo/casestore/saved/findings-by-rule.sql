-- Findings per rule, most severe first
SELECT level, rule_id, any_value(rule_title) AS rule_title, count(*) AS findings,
  count(DISTINCT principal) AS principals, min(time) AS first_seen, max(time) AS last_seen
FROM findings
GROUP BY level, rule_id
ORDER BY CASE level WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
  findings DESC, rule_id;
