package dev.kumo.respond.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketPoliciesTest {
  @Test
  void protect_singleStatementObject_becomesAnArrayWithTheDenyAfterIt() {
    String p = BucketPolicies.protect("{\"Statement\":{\"Sid\":\"Own\",\"Effect\":\"Allow\"}}", "b1",
        List.of("arn:aws:iam::1:user/a"));

    assertThat(p).startsWith("{\"Statement\":[{\"Sid\":\"Own\",\"Effect\":\"Allow\"},{\"Sid\":\"KumoCaseProtect\"");
  }

  @Test
  void protect_appliedTwice_givesTheSamePolicy() {
    String once = BucketPolicies.protect("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "b1", List.of("x"));

    assertThat(BucketPolicies.protect(once, "b1", List.of("x"))).isEqualTo(once);
  }

  @Test
  void protect_notJson_isRefused() {
    assertThatThrownBy(() -> BucketPolicies.protect("{\"Statement\":[", "b1", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BucketPolicies.protect("[]", "b1", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void principalPatterns_assumedRole_isTheRoleWithOrWithoutPath_otherArnsThemselves() {
    assertThat(BucketPolicies.principalPatterns("arn:aws:sts::111122223333:assumed-role/resp/alice"))
        .containsExactly("arn:aws:iam::111122223333:role/resp", "arn:aws:iam::111122223333:role/*/resp");
    assertThat(BucketPolicies.principalPatterns("arn:aws:iam::111122223333:user/bob"))
        .containsExactly("arn:aws:iam::111122223333:user/bob");
  }
}
