package dev.kumo.simulate.cloudtrail.api;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Json;
import dev.kumo.simulate.cloudtrail.Resource;
import dev.kumo.simulate.engine.RandomIds;
import java.util.SplittableRandom;

/** The shape of S3 events: bucket host names, the additional data S3 logs, and bucket resources. */
public final class S3Shapes {
  private S3Shapes() {}

  /** The virtual-hosted name of {@code bucket} in {@code region}. */
  public static String host(String bucket, String region) {
    return bucket + ".s3." + region + ".amazonaws.com";
  }

  /** A bucket-level call with sub-resource {@code sub} ({@code acl}, {@code policy}, ...), or none when empty. */
  public static ApiEvent bucketCall(ApiEvent e, String bucket, String sub, SplittableRandom r) {
    String host = host(bucket, e.region());
    e.request(sub.isEmpty() ? Json.obj("bucketName", bucket, "Host", host) : Json.obj("bucketName", bucket, "Host", host, sub, ""));
    return decorate(e, host, bucket, 0, e.isReadOnly() ? 200 + r.nextInt(2000) : 0, r);
  }

  /** Adds S3's additional event data, the bucket resource and the host. */
  public static ApiEvent decorate(ApiEvent e, String host, String bucket, long bytesIn, long bytesOut, SplittableRandom r) {
    return e.host(host)
        .additional(Json.obj("SignatureVersion", "SigV4", "CipherSuite", "TLS_AES_128_GCM_SHA256",
            "bytesTransferredIn", bytesIn, "AuthenticationMethod", "AuthHeader", "x-amz-id-2", amzId2(r),
            "bytesTransferredOut", bytesOut))
        .resources(new Resource("arn:aws:s3:::" + bucket, e.account(), "AWS::S3::Bucket"));
  }

  /** S3's extended request id: 76 base64 characters. */
  static String amzId2(SplittableRandom r) {
    return RandomIds.alnum(r, 24) + "/" + RandomIds.alnum(r, 27) + "+" + RandomIds.alnum(r, 23) + "=";
  }
}
