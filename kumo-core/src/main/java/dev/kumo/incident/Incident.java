package dev.kumo.incident;

import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Findings that belong to one attack, with the story they tell. Immutable; all lists are sorted
 * and free of duplicates, so two runs over the same findings give equal incidents.
 *
 * @param id stable id derived from the incident's earliest finding ({@code INC-} + 12 hex digits)
 * @param title one line: the most severe tactic reached and who did it
 * @param level the incident's severity (the most severe finding, raised one level when the chain reaches impact or exfiltration after initial or credential access)
 * @param firstSeen time of the earliest finding
 * @param lastSeen time of the latest finding
 * @param principals acting principals (ARNs or names) of the findings
 * @param accessKeys access key ids of the findings
 * @param accounts accounts touched
 * @param regions regions touched
 * @param sourceIps source addresses of the findings
 * @param resources resources named by the findings' events (bounded)
 * @param threats the report's threat categories of the findings' rules
 * @param techniques ATT&CK technique ids
 * @param narrative the attack chain: one step per tactic, in kill-chain order
 * @param why why the findings are together: the links that joined them, one line each (bounded)
 * @param findings keys of the member findings, oldest first (ties in finding order)
 */
public record Incident(String id, String title, Level level, Instant firstSeen, Instant lastSeen,
    List<String> principals, List<String> accessKeys, List<String> accounts, List<String> regions,
    List<String> sourceIps, List<String> resources, List<String> threats, List<String> techniques,
    List<NarrativeStep> narrative, List<String> why, List<FindingKey> findings) implements Serializable {

  /** Version of the incident model as stored and exported. */
  public static final String SCHEMA = "kumo.incident/1";

  public Incident {
    principals = List.copyOf(principals);
    accessKeys = List.copyOf(accessKeys);
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    sourceIps = List.copyOf(sourceIps);
    resources = List.copyOf(resources);
    threats = List.copyOf(threats);
    techniques = List.copyOf(techniques);
    narrative = List.copyOf(narrative);
    why = List.copyOf(why);
    findings = List.copyOf(findings);
  }
}
