package dev.kumo.posture;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.check.Check;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.sigma.Level;
import java.util.List;

/** Small resources and checks for tests. */
public final class TestResources {
  public static final String ACCOUNT = "111122223333";

  private TestResources() {}

  /** An AWS resource with facts given as name, value pairs. */
  public static Resource aws(String kind, String id, String region, Object... facts) {
    Facts.Builder b = Facts.builder();
    for (int i = 0; i < facts.length; i += 2) {
      b.put((String) facts[i], facts[i + 1]);
    }
    String name = id.contains(":::") ? id.substring(id.indexOf(":::") + 3) : id.substring(id.lastIndexOf('/') + 1);
    return new Resource(Provider.AWS, kind, id, name, ACCOUNT, region, b.build(), "test");
  }

  /** A bucket by name. */
  public static Resource bucket(String name, Object... facts) {
    return aws("aws.s3.bucket", "arn:aws:s3:::" + name, "eu-west-1", facts);
  }

  /** A check on {@code kind} with the given telemetry and technique. */
  public static Check check(String id, String kind, Level severity, Threat threat, List<String> telemetry,
      String technique, Rule rule) {
    return new Check(new CheckMeta(id, Provider.AWS, kind, id, severity, threat, List.of(technique), List.of(),
        telemetry, "risk", "fix it", "aws s3api put-public-access-block --bucket {name}"), rule);
  }
}
