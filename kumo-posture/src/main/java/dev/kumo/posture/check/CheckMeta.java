package dev.kumo.posture.check;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.sigma.Level;
import java.util.List;

/**
 * A check's description, as written in the bundled catalog ({@code dev/kumo/posture/checks/*.yml}).
 *
 * @param id stable id, e.g. {@code aws-s3-bucket-public-read}
 * @param kind the resource kind it is evaluated on (a scope kind such as {@code aws.region} for "missing" checks)
 * @param threat the report threat the misconfiguration opens
 * @param techniques ATT&amp;CK technique ids an attacker uses through it
 * @param benchmarks benchmark references, e.g. {@code CIS AWS 3.0 2.1.4}, {@code AWS FSBP S3.2}
 * @param telemetry log sources whose detections would see the misconfiguration exploited, e.g.
 *     {@code aws.cloudtrail.s3-data} (see {@code Telemetry})
 * @param command remediation command with placeholders {@code {id} {name} {account} {region}} and
 *     {@code {short_id}} (the id after its last {@code /}, e.g. {@code sg-0abc} of a security group's ARN)
 */
public record CheckMeta(String id, Provider provider, String kind, String title, Level severity, Threat threat,
    List<String> techniques, List<String> benchmarks, List<String> telemetry, String risk, String remediation,
    String command) {
  public CheckMeta {
    techniques = List.copyOf(techniques);
    benchmarks = List.copyOf(benchmarks);
    telemetry = List.copyOf(telemetry);
  }

  /**
   * The remediation command for one resource, placeholders replaced by shell-quoted values; empty when the
   * check has no command.
   */
  public String commandFor(Resource r) {
    String shortId = r.id().substring(r.id().lastIndexOf('/') + 1);
    return command.replace("{id}", ShellQuote.quote(r.id())).replace("{name}", ShellQuote.quote(r.name()))
        .replace("{short_id}", ShellQuote.quote(shortId))
        .replace("{account}", ShellQuote.quote(r.account())).replace("{region}", ShellQuote.quote(r.region()));
  }
}
