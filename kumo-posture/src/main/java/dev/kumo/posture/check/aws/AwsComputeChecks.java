package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.AwsRules.flag;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import dev.kumo.posture.policy.PolicyStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EC2 instance, image, volume and snapshot checks, and Lambda, EKS and ECR checks. */
public final class AwsComputeChecks implements CheckSet {
  private static final List<String> LAMBDA_ACTIONS = List.of("lambda:InvokeFunction", "lambda:InvokeFunctionUrl",
      "lambda:UpdateFunctionCode");
  private static final List<String> ECR_ACTIONS = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
      "ecr:PutImage");

  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> m = new LinkedHashMap<>();
    m.put("aws-ec2-imdsv1-allowed", (r, inv, ctx) -> {
      String endpoint = r.facts().string("imds_endpoint");
      String tokens = r.facts().string("imds_http_tokens");
      if ("disabled".equals(endpoint)) {
        return Verdict.pass("metadata endpoint disabled");
      }
      if (tokens == null) {
        return Verdict.unknown("imds_http_tokens");
      }
      if (tokens.equals("required")) {
        return Verdict.pass("IMDSv2 required");
      }
      return endpoint == null ? Verdict.unknown("imds_endpoint")
          : Verdict.fail("IMDSv1 allowed (http tokens " + tokens + ")");
    });
    m.put("aws-ec2-instance-public-ip", flag("has_public_ip", false, "no public IPv4 address",
        "public IPv4 address"));
    m.put("aws-ec2-snapshot-public", flag("public", false, "not publicly restorable", "publicly restorable"));
    m.put("aws-ec2-snapshot-unencrypted", flag("encrypted", true, "encrypted", "not encrypted"));
    m.put("aws-ec2-ami-public", flag("public", false, "not public", "launchable by every AWS account"));
    m.put("aws-ec2-volume-unencrypted", flag("encrypted", true, "encrypted", "not encrypted"));
    m.put("aws-ec2-ebs-default-encryption-off", (r, inv, ctx) -> {
      List<Resource> settings = AwsRules.near(inv, "aws.ec2.region_settings", r, true);
      Boolean on = settings.isEmpty() ? null : settings.get(0).facts().bool("ebs_encryption_by_default");
      if (on == null) {
        return Verdict.unknown("aws.ec2.region_settings ebs_encryption_by_default for " + r.region());
      }
      return Verdict.of(on, "EBS encryption by default on", "EBS encryption by default off");
    });
    m.put("aws-lambda-function-public", (r, inv, ctx) -> publicPolicy(r, LAMBDA_ACTIONS));
    m.put("aws-lambda-url-no-auth", (r, inv, ctx) -> {
      String auth = r.facts().string("url_auth_type");
      if (auth == null) {
        return Boolean.FALSE.equals(r.facts().bool("has_url")) ? Verdict.pass("no function URL")
            : Verdict.unknown("url_auth_type");
      }
      return Verdict.of(!auth.equalsIgnoreCase("NONE"), "function URL requires " + auth,
          "function URL without authentication");
    });
    m.put("aws-eks-endpoint-public", (r, inv, ctx) -> {
      Boolean pub = r.facts().bool("endpoint_public");
      if (pub == null) {
        return Verdict.unknown("endpoint_public");
      }
      if (!pub) {
        return Verdict.pass("private API endpoint");
      }
      List<String> cidrs = r.facts().strings("public_access_cidrs");
      if (cidrs == null || cidrs.isEmpty() || cidrs.stream().anyMatch(NetworkRule::isWorld)) {
        return Verdict.fail("API endpoint public to the whole internet");
      }
      return Verdict.pass("public API endpoint restricted to " + String.join(", ", cidrs));
    });
    m.put("aws-eks-audit-logging-off", (r, inv, ctx) -> {
      List<String> types = r.facts().strings("logging_types");
      return types == null ? Verdict.unknown("logging_types")
          : Verdict.of(types.contains("audit"), "audit logs sent to CloudWatch", "audit logging off");
    });
    m.put("aws-ecr-repository-public", (r, inv, ctx) -> publicPolicy(r, ECR_ACTIONS));
    return m;
  }

  /**
   * Fails when the resource policy allows any of {@code actions} to everyone. A statement whose only
   * condition is {@code lambda:FunctionUrlAuthType = NONE} is still public: that condition names an
   * unauthenticated URL, not a caller.
   */
  static Verdict publicPolicy(Resource r, List<String> actions) {
    PolicyDocument p = r.facts().policy("policy");
    if (p == null) {
      return Boolean.FALSE.equals(r.facts().bool("has_policy")) ? Verdict.pass("no resource policy")
          : Verdict.unknown("policy");
    }
    List<String> open = actions.stream().filter(a -> p.statements().stream()
        .anyMatch(s -> isPublic(s) && s.coversAction(a))).toList();
    return Verdict.of(open.isEmpty(), "resource policy not public",
        "resource policy allows everyone " + String.join(", ", open));
  }

  private static boolean isPublic(PolicyStatement s) {
    if (s.isPublicAllow()) {
      return true;
    }
    if (!s.allow() || !s.anyPrincipal()) {
      return false;
    }
    JsonObject.Builder without = JsonObject.builder();
    boolean unauthenticatedUrl = false;
    JsonObject c = s.conditions();
    for (int i = 0; i < c.size(); i++) {
      if (!(c.valueAt(i) instanceof JsonObject keys)) {
        without.put(c.keyAt(i), c.valueAt(i));
        continue;
      }
      JsonObject.Builder kept = JsonObject.builder();
      for (int k = 0; k < keys.size(); k++) {
        if (keys.keyAt(k).equalsIgnoreCase("lambda:FunctionUrlAuthType")
            && String.valueOf(keys.valueAt(k)).contains("NONE")) {
          unauthenticatedUrl = true;
        } else {
          kept.put(keys.keyAt(k), keys.valueAt(k));
        }
      }
      without.put(c.keyAt(i), kept.build());
    }
    return unauthenticatedUrl && !new PolicyStatement(s.allow(), s.principals(), s.notPrincipal(), s.actions(),
        s.notActions(), s.resources(), s.notResources(), without.build()).restrictedByCondition();
  }
}
