package dev.kumo.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityChainsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String USER = "arn:aws:iam::1:user/alice";
  private static final String DEPLOY = "arn:aws:sts::1:assumed-role/deploy/s";
  private static final String DATA = "arn:aws:sts::2:assumed-role/data/s";
  private static final String WEB = "arn:aws:sts::1:assumed-role/web/i-1";

  private static IdentityLink link(String id, int minute, String type, String from, String fromKey, String to,
      String toKey, String role) {
    return new IdentityLink(id, T0.plusSeconds(60L * minute), "AssumeRole", "1", from, fromKey, type, to, toKey,
        role, "203.0.113.9");
  }

  private final IdentityChains chains = new IdentityChains(List.of(
      link("ec2", 0, "AWSService", "ec2.amazonaws.com", null, WEB, "ASIAWEB", "arn:aws:iam::1:role/web"),
      link("h1", 5, "AssumedRole", WEB, "ASIAWEB", DEPLOY, "ASIADEPLOY", "arn:aws:iam::1:role/deploy"),
      link("h2", 9, "AssumedRole", DEPLOY, "ASIADEPLOY", DATA, "ASIADATA", "arn:aws:iam::2:role/data"),
      link("u1", 20, "IAMUser", USER, "AKIAALICE", DEPLOY, "ASIAOTHER", "arn:aws:iam::1:role/deploy")));

  @Test
  void ancestry_lastHopKey_walksBackToTheServiceIssuedSession() {
    assertThat(chains.ancestry(DATA, "ASIADATA")).extracting(IdentityLink::eventId).containsExactly("h1", "h2");
    assertThat(chains.root(DATA, "ASIADATA")).isEqualTo(WEB);
  }

  @Test
  void root_identityNobodyIssued_isItself() {
    assertThat(chains.root(USER, "AKIAALICE")).isEqualTo(USER);
    assertThat(chains.root(null, "AKIAUNKNOWN")).isEqualTo("AKIAUNKNOWN");
    assertThat(chains.root(null, null)).isNull();
  }

  @Test
  void issuer_principalIssuedByTwoCallers_isAmbiguousUnlessTheKeyDecides() {
    assertThat(chains.issuer(DEPLOY, null)).isNull();
    assertThat(chains.issuer(DEPLOY, "ASIAOTHER").eventId()).isEqualTo("u1");
    assertThat(chains.root(DEPLOY, "ASIAOTHER")).isEqualTo(USER);
  }

  @Test
  void descendants_stolenKey_reachBothHops() {
    assertThat(chains.descendants(List.of(), List.of("ASIAWEB"))).extracting(IdentityLink::eventId)
        .containsExactly("h1", "h2");
    assertThat(chains.descendants(List.of(USER), List.of())).extracting(IdentityLink::eventId)
        .containsExactly("u1");
  }

  @Test
  void assumersOf_role_listsWhoBecameIt() {
    assertThat(chains.assumersOf("arn:aws:iam::1:role/deploy")).extracting(IdentityLink::eventId)
        .containsExactly("h1", "u1");
  }

  @Test
  void ancestry_cycle_stops() {
    IdentityChains loop = new IdentityChains(List.of(
        link("a", 1, "AssumedRole", DEPLOY, "K1", DATA, "K2", null),
        link("b", 2, "AssumedRole", DATA, "K2", DEPLOY, "K1", null)));

    assertThat(loop.ancestry(DATA, "K2")).hasSizeLessThanOrEqualTo(2);
  }
}
