package dev.kumo.detector.storage;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ransomware or a wiper emptying S3: a principal deletes far more objects in an hour than in its own
 * active hours of the previous week, or, without a baseline, very many. Two measures: objects deleted
 * ({@code DeleteObject}, and {@code DeleteObjects} when the record lists its keys) and
 * {@code DeleteObjects} calls whose keys CloudTrail does not record (its data events carry
 * {@code "delete": ""}: up to 1,000 objects each, count unknown). See {@link S3VolumeAnomalyDetector}.
 */
public final class S3DeleteVolumeDetector extends S3VolumeAnomalyDetector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_s3_delete_volume_anomaly";
  static final int OBJECTS = 0;
  static final int BATCH_CALLS = 1;

  static final Settings SPEC = new Settings(
      Setting.number("min-objects", 250, "an hour with a baseline fires only from this many objects deleted "
          + "(or min-batch-calls); default 250"),
      Setting.number("min-batch-calls", 25, "an hour with a baseline fires only from this many DeleteObjects calls "
          + "without recorded keys (up to 1,000 objects each; or min-objects); default 25"),
      Setting.number("new-min-objects", 250, "a principal without a baseline fires from this many objects deleted "
          + "in an hour (or new-min-batch-calls); default 250"),
      Setting.number("new-min-batch-calls", 25, "a principal without a baseline fires from this many DeleteObjects "
          + "calls without recorded keys in an hour (or new-min-objects); default 25"),
      1);
  public static final List<Setting<?>> SETTINGS = SPEC.all();

  private static final RuleMeta META = DetectorMeta.of(NAME, "7c3b9e15-d2a4-4f68-8e1b-c05a9d7f2e64",
      "AWS S3 Object Deletions Far Above the Principal's Baseline")
      .description("A principal deleted far more S3 objects in one hour (DeleteObject, DeleteObjects data events) "
          + "than in its own active hours of the previous week: above median + 6 MAD, at least 10 times the median "
          + "and more than twice its busiest hour, and at least 250 objects or 25 DeleteObjects calls (high). A "
          + "principal without a baseline deleting that much is reported at medium. CloudTrail does not record the "
          + "keys of DeleteObjects (up to 1,000 per call), so those calls are counted separately. Needs CloudTrail "
          + "S3 data events for writes.")
      .level(Level.HIGH)
      .tags("attack.impact", "attack.t1485", "kumo.threat.ransomware")
      .references("https://aws.amazon.com/blogs/security/anatomy-of-a-ransomware-event-targeting-data-in-amazon-s3/",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.s3-ransomware-batch-deletion/",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.impact.s3-ransomware-individual-deletion/")
      .falsepositives("A one-off clean-up of a bucket or prefix", "A retention job run by a new principal")
      .build();

  public S3DeleteVolumeDetector(DetectorConfig config, Intel intel) {
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
    String op = e.api().operation();
    boolean single = "DeleteObject".equals(op);
    if (!single && !"DeleteObjects".equals(op) || !S3Events.SERVICE.equals(e.api().service()) || e.api().failed()) {
      return;
    }
    String bucket = S3Events.bucket(e);
    String principal = S3Events.principalKey(e, bucket);
    if (principal == null) {
      return;
    }
    if (single) {
      out.emit(OBJECTS, key(principal, e.time()), bucket, 1);
      return;
    }
    int keys = listedKeys(e.raw().getObject("requestParameters"));
    if (keys > 0) {
      out.emit(OBJECTS, key(principal, e.time()), bucket, keys);
    } else {
      out.emit(BATCH_CALLS, key(principal, e.time()), bucket, 0);
    }
  }

  /**
   * The keys a DeleteObjects record lists ({@code requestParameters.delete.Object}, one object or a
   * list), or 0 when it lists none: CloudTrail itself writes {@code "delete": ""}.
   */
  static int listedKeys(@Nullable JsonObject request) {
    if (request == null || !(request.get("delete") instanceof JsonObject delete)) {
      return 0;
    }
    Object objects = delete.get("Object");
    if (objects == null) {
      objects = delete.get("objects");
    }
    if (objects instanceof JsonArray a) {
      return a.size();
    }
    return objects instanceof JsonObject ? 1 : 0;
  }

  @Override
  void measures(Observation o, long[] out) {
    if (o.kind() == OBJECTS) {
      out[0] = (long) o.amount();
    } else {
      out[1] = o.count();
    }
  }

  @Override
  String did(long objects, long batchCalls) {
    String deleted = "deleted " + S3Events.count(objects) + (objects == 1 ? " object" : " objects");
    if (batchCalls == 0) {
      return deleted;
    }
    String sent = "sent " + S3Events.count(batchCalls) + " DeleteObjects " + (batchCalls == 1 ? "call" : "calls")
        + " (keys not recorded, up to 1,000 objects each)";
    return objects == 0 ? sent : deleted + " and " + sent;
  }

  @Override
  String format(int measure, double value) {
    return measure == 1 ? S3Events.count(Math.round(value)) + " objects"
        : S3Events.count(Math.round(value)) + " DeleteObjects calls";
  }
}
