package dev.kumo.ingest;

import dev.kumo.ingest.appgateway.AppGatewaySource;
import dev.kumo.ingest.auditd.AuditdSource;
import dev.kumo.ingest.azure.AksAuditSource;
import dev.kumo.ingest.azure.AzureActivitySource;
import dev.kumo.ingest.azure.DefenderAlertSource;
import dev.kumo.ingest.azure.EntraAuditSource;
import dev.kumo.ingest.azure.EntraPimAlertSource;
import dev.kumo.ingest.azure.EntraRiskDetectionSource;
import dev.kumo.ingest.azure.EntraSignInSource;
import dev.kumo.ingest.bedrock.BedrockSource;
import dev.kumo.ingest.bitbucket.BitbucketAuditSource;
import dev.kumo.ingest.cloudfront.CloudFrontSource;
import dev.kumo.ingest.cloudtrail.CloudTrailSource;
import dev.kumo.ingest.cur.CurSource;
import dev.kumo.ingest.duo.CiscoDuoSource;
import dev.kumo.ingest.elb.ElbSource;
import dev.kumo.ingest.focus.FocusSource;
import dev.kumo.ingest.gcp.GcpAuditSource;
import dev.kumo.ingest.gcphttplb.GcpHttpLbSource;
import dev.kumo.ingest.github.GitHubAuditSource;
import dev.kumo.ingest.guardduty.GuardDutySource;
import dev.kumo.ingest.gworkspace.GoogleWorkspaceSource;
import dev.kumo.ingest.kubernetes.KubernetesAuditSource;
import dev.kumo.ingest.m365.M365AuditSource;
import dev.kumo.ingest.okta.OktaSource;
import dev.kumo.ingest.onelogin.OneLoginSource;
import dev.kumo.ingest.route53resolver.Route53ResolverSource;
import dev.kumo.ingest.s3access.S3AccessSource;
import dev.kumo.ingest.securityhub.SecurityHubSource;
import dev.kumo.ingest.securitylake.SecurityLakeSource;
import dev.kumo.ingest.vpcflow.VpcFlowSource;
import dev.kumo.ingest.waf.WafSource;
import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The registry of log sources, in detection order (most specific first). Immutable. */
public final class LogSources {
  private final List<LogSource> sources;

  public LogSources(List<LogSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** Every source Kumo ships, most specific first. */
  public static LogSources defaults() {
    return new LogSources(List.of(
        new CloudTrailSource(),
        // AWS findings, cost and AI sources, and OCSF read back
        new GuardDutySource(),
        new SecurityHubSource(),
        new BedrockSource(),
        new SecurityLakeSource(),
        new CurSource(),
        new FocusSource(),
        // network and web telemetry (VPC, DNS, load balancers, CDN, S3 access, WAF)
        new VpcFlowSource(),
        new Route53ResolverSource(),
        new ElbSource(),
        new CloudFrontSource(),
        new S3AccessSource(),
        new WafSource(),
        new GcpHttpLbSource(),
        new AppGatewaySource(),
        // GCP, Kubernetes, SaaS identity and code hosting, Linux auditd
        new GoogleWorkspaceSource(),
        new GcpAuditSource(),
        new KubernetesAuditSource(),
        new OktaSource(),
        new GitHubAuditSource(),
        new OneLoginSource(),
        new BitbucketAuditSource(),
        new CiscoDuoSource(),
        new AuditdSource(),
        // Microsoft cloud: Entra ID, Azure, AKS, Defender, Microsoft 365 (Activity Log last: the widest envelope)
        new AksAuditSource(),
        new EntraSignInSource(),
        new EntraRiskDetectionSource(),
        new EntraPimAlertSource(),
        new EntraAuditSource(),
        new DefenderAlertSource(),
        new M365AuditSource(),
        new AzureActivitySource()));
  }

  public List<LogSource> all() {
    return sources;
  }

  public Optional<LogSource> byId(String id) {
    return sources.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }

  /**
   * The source of a JSON record: by its Panther log type when it carries one, else the first JSON
   * source that recognizes it.
   */
  public Optional<LogSource> detect(JsonObject record) {
    if (record.get("p_log_type") instanceof String pantherType) {
      for (LogSource s : sources) {
        if (s.pantherLogTypes().contains(pantherType)) {
          return Optional.of(s);
        }
      }
    }
    for (LogSource s : sources) {
      if (s instanceof JsonLogSource j && j.recognizes(record)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The first text source whose sniffing accepts these lines, with its parser. */
  public Optional<Detected> detectText(List<String> firstLines) {
    for (LogSource s : sources) {
      if (s instanceof TextLogSource t) {
        Optional<TextLogSource.LineParser> p = t.sniff(firstLines);
        if (p.isPresent()) {
          return Optional.of(new Detected(t, p.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A text source and the parser it chose for a file. */
  public record Detected(TextLogSource source, TextLogSource.LineParser parser) {}
}
