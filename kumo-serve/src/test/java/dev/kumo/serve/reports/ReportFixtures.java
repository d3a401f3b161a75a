package dev.kumo.serve.reports;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.PostureResult;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.deadspot.Control;
import dev.kumo.posture.deadspot.DeadSpot;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.SourceView;
import dev.kumo.posture.rank.Telemetry;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.posture.report.DeadSpotJson;
import dev.kumo.posture.report.PostureJson;
import dev.kumo.sigma.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Test support: posture and dead-spot reports written with kumo-posture's own JSON writers. The public bucket's
 * name carries markup that would run if a page failed to escape it.
 */
public final class ReportFixtures {
  /** The planted resource name. */
  public static final String HOSTILE_NAME = "<script>window.__pwned=1</script>";
  public static final CheckMeta PUBLIC_BUCKET = new CheckMeta("aws-s3-bucket-public-read", Provider.AWS,
      "aws.s3.bucket", "S3 bucket readable by anyone", Level.CRITICAL, Threat.DATA_THEFT, List.of("T1530"),
      List.of("AWS FSBP S3.2"), List.of("aws.cloudtrail.s3-data"), "Anyone can list and read the objects.",
      "Turn on Block Public Access.", "aws s3api put-public-access-block --bucket {name}");
  public static final CheckMeta OPEN_SSH = new CheckMeta("azure-nsg-ssh-open", Provider.AZURE,
      "azure.network.nsg", "SSH open to the internet", Level.HIGH, Threat.APP_EXPLOITATION, List.of("T1190"),
      List.of(), List.of("azure.flow-logs"), "Brute force.", "Restrict the source range.", "");
  public static final CheckMeta TRAIL_ON = new CheckMeta("aws-cloudtrail-enabled", Provider.AWS,
      "aws.cloudtrail.trail", "CloudTrail on in every region", Level.MEDIUM, Threat.MISCONFIGURATION, List.of(),
      List.of(), List.of(), "Nothing is recorded.", "Create a multi-region trail.", "");

  private ReportFixtures() {}

  public static Resource bucket(String name) {
    return new Resource(Provider.AWS, "aws.s3.bucket", "arn:aws:s3:::" + name, name, "111122223333", "eu-west-1",
        Facts.EMPTY, "snapshot.json:1");
  }

  static Resource nsg() {
    return new Resource(Provider.AZURE, "azure.network.nsg", "/subscriptions/sub-1/nsg/web", "web", "sub-1",
        "westeurope", Facts.EMPTY, "graph.json:3");
  }

  /** Failed: the hostile public bucket (blind, rank 1), the open NSG (watched, rank 2); then one pass, one muted. */
  public static PostureResult scan() {
    CheckResult bucket = new CheckResult(PUBLIC_BUCKET, bucket(HOSTILE_NAME), Status.FAIL, "ACL grants AllUsers",
        "kumo");
    CheckResult nsg = new CheckResult(OPEN_SSH, nsg(), Status.FAIL, "port 22 from 0.0.0.0/0", "kumo");
    CheckResult trail = new CheckResult(TRAIL_ON, bucket("logs"), Status.PASS, "", "kumo");
    CheckResult muted = new CheckResult(PUBLIC_BUCKET, bucket("website"), Status.MUTED, "accepted: public site",
        "kumo");
    List<RankedResult> ranked = List.of(
        new RankedResult(bucket, Visibility.BLIND, List.of(new SourceView("aws.cloudtrail.s3-data",
            Telemetry.State.OFF, "cloudtrail", List.of()))),
        new RankedResult(nsg, Visibility.WATCHED, List.of(new SourceView("azure.flow-logs", Telemetry.State.ON,
            "azure-flow", List.of("ssh-brute-force")))));
    Inventory inventory = new Inventory(List.of(bucket.resource(), nsg.resource(), muted.resource()), List.of());
    return new PostureResult(Instant.parse("2026-11-20T10:00:00Z"), inventory, List.of(bucket, nsg, trail, muted),
        ranked, 3);
  }

  /** The scan as {@code kumo posture --format json} writes it. */
  public static String postureJson() {
    return String.join("\n", new PostureJson().lines(scan())) + "\n";
  }

  public static Path writePosture(Path file) throws IOException {
    return Files.writeString(file, postureJson());
  }

  static Control control(String id, String domain, String title) {
    return new Control(id, domain, title, "", List.of(Threat.DATA_THEFT), List.of("T1530"), Map.of(), Map.of(),
        List.of(), List.of(), false);
  }

  /** Two dead spots: DSP-07 (failing evidence, the hostile bucket) and IAM-09 (no owner). */
  public static DeadSpotReport deadSpots() {
    RankedResult failing = scan().ranked().get(0);
    DeadSpot dsp = new DeadSpot(control("DSP-07", "DSP", "Data protection by default"),
        List.of(Reason.FAILING_EVIDENCE), List.of("aws.s3=customer"), List.of("data-platform"), List.of(),
        List.of(failing), List.of(), List.of("passing check aws-s3-versioning"));
    DeadSpot iam = new DeadSpot(control("IAM-09", "IAM", "Segregation of privileged access"),
        List.of(Reason.NO_OWNER, Reason.NO_EVIDENCE), List.of("aws.iam=shared"), List.of(), List.of("aws.iam"),
        List.of(), List.of("T1078"), List.of());
    return new DeadSpotReport(LocalDate.parse("2026-11-20"), List.of(dsp, iam), List.of("DSP-07", "IAM-09", "LOG-03"),
        List.of("aws.iam", "aws.s3"), List.of(), List.of("owners.yml:4: unknown control XYZ-01"));
  }

  public static Path writeDeadSpots(Path file) throws IOException {
    return Files.writeString(file, new DeadSpotJson().write(deadSpots()));
  }
}
