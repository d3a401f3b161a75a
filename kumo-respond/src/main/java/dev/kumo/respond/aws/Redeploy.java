package dev.kumo.respond.aws;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to launch in place of a compromised instance: a launch template (with an optional image that
 * overrides the template's) or an image alone.
 *
 * @param launchTemplateId the launch template; null to launch from {@code imageId} alone
 * @param launchTemplateVersion the template version ({@code $Default}, {@code $Latest}, a number); null for
 *     the default
 * @param imageId the known-good image; required without a template
 * @param instanceType required without a template
 * @param subnetId where to launch; null for the template's or the default subnet
 * @param securityGroupIds the groups of the new instance; empty for the template's
 * @param clientToken AWS's idempotency token (at most 64 ASCII characters): a rerun with the same token
 *     returns the instance already launched instead of a second one
 * @param caseId tagged on the new instance as {@code kumo:redeployed-for}
 */
public record Redeploy(
    @Nullable String launchTemplateId,
    @Nullable String launchTemplateVersion,
    @Nullable String imageId,
    @Nullable String instanceType,
    @Nullable String subnetId,
    List<String> securityGroupIds,
    String clientToken,
    String caseId) {
  public Redeploy {
    securityGroupIds = List.copyOf(securityGroupIds);
    Objects.requireNonNull(clientToken, "clientToken");
    Objects.requireNonNull(caseId, "caseId");
    if (launchTemplateId == null && (imageId == null || instanceType == null)) {
      throw new IllegalArgumentException("without a launch template, an image and an instance type are needed");
    }
    if (clientToken.isEmpty() || clientToken.length() > 64 || !clientToken.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("client token must be 1 to 64 printable ASCII characters");
    }
  }
}
