package dev.kumo.detector.storage;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.util.List;
import java.util.Set;

/**
 * Data theft from S3: a principal reads far more objects or bytes in an hour ({@code GetObject} data
 * events, {@code additionalEventData.bytesTransferredOut}) than in its own active hours of the
 * previous week (see {@link S3VolumeAnomalyDetector} for the statistics); or, without a baseline,
 * very many. Anonymous reads are tracked per bucket, role sessions per role; calls made by AWS
 * services on a principal's behalf (Athena, Glue: {@code invokedBy}) and failed calls are left out.
 */
public final class S3ReadVolumeDetector extends S3VolumeAnomalyDetector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_s3_read_volume_anomaly";
  private static final double GIB = 1024.0 * 1024 * 1024;

  static final Settings SPEC = new Settings(
      Setting.number("min-objects", 500, "an hour with a baseline fires only from this many objects read "
          + "(or min-gib); default 500"),
      Setting.number("min-gib", 1, "an hour with a baseline fires only from this many GiB read (or min-objects); "
          + "default 1"),
      Setting.number("new-min-objects", 2000, "a principal without a baseline fires from this many objects read "
          + "in an hour (or new-min-gib); default 2000"),
      Setting.number("new-min-gib", 5, "a principal without a baseline fires from this many GiB read in an hour "
          + "(or new-min-objects); default 5"),
      GIB);
  public static final List<Setting<?>> SETTINGS = SPEC.all();

  private static final RuleMeta META = DetectorMeta.of(NAME, "e1a7c3f9-5b2d-4e86-b0c4-2d9f61a8e357",
      "AWS S3 Object Reads Far Above the Principal's Baseline")
      .description("A principal read far more S3 objects or bytes in one hour (GetObject data events) than in its "
          + "own active hours of the previous week: above median + 6 MAD, at least 10 times the median and more "
          + "than twice its busiest hour, and at least 500 objects or 1 GiB (high). A principal without a baseline "
          + "reading at least 2,000 objects or 5 GiB in an hour is reported at medium. Needs CloudTrail S3 data "
          + "events for reads.")
      .level(Level.HIGH)
      .tags("attack.collection", "attack.t1530", "attack.exfiltration", "kumo.threat.data-theft")
      .references("https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html",
          "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-s3.html")
      .falsepositives("A new bulk job (backfill, migration, re-indexing) by an established principal",
          "A new principal syncing a large data set")
      .build();

  public S3ReadVolumeDetector(DetectorConfig config, Intel intel) {
    super(SPEC, config, NAME);
  }

  @Override
  Settings spec() {
    return SPEC;
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Set.of("aws.cloudtrail");
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    dataSeen(out);
    if (!"GetObject".equals(e.api().operation()) || !S3Events.SERVICE.equals(e.api().service())
        || e.api().failed()) {
      return;
    }
    String bucket = S3Events.bucket(e);
    String principal = S3Events.principalKey(e, bucket);
    if (principal == null) {
      return;
    }
    JsonObject extra = e.raw().getObject("additionalEventData");
    long bytes = extra == null ? 0 : S3Events.number(extra.get("bytesTransferredOut"));
    out.emit(0, key(principal, e.time()), bucket, bytes);
  }

  @Override
  void measures(Observation o, long[] out) {
    out[0] = o.count();
    out[1] = (long) o.amount();
  }

  @Override
  String did(long objects, long bytes) {
    return "read " + S3Events.count(objects) + (objects == 1 ? " object" : " objects")
        + (bytes > 0 ? " (" + S3Events.bytes(bytes) + ")" : "");
  }

  @Override
  String format(int measure, double value) {
    return measure == 1 ? S3Events.count(Math.round(value)) + " objects" : S3Events.bytes(Math.round(value));
  }
}
