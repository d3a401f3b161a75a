package dev.kumo.detector.intel;

import static dev.kumo.testing.NetEvents.dns;
import static dev.kumo.testing.NetEvents.flow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelFeeds;
import dev.kumo.intel.IntelStore;
import dev.kumo.intel.Warninglist;
import dev.kumo.net.IpNetwork;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SharedData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of the threat-intel work on the shared data: Maltrail's mining-pool list and MISP's
 * AWS warninglist, as a user would load them with {@code --intel}.
 */
class SharedMiningIntelTest {
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  @Test
  void miningPoolContacts_inFlowsAndDns_giveIntelFindingsWithContext_butNotAtAwsAddresses() throws IOException {
    IntelFeeds.Feed pools = IntelFeeds.readFile(SharedData.require("data/threat-intel-lists/maltrail/crypto_mining.txt"));
    IntelFeeds.Feed aws = IntelFeeds.readFile(
        SharedData.require("data/threat-intel-lists/misp-warninglists/amazon-aws/list.json"));
    assertThat(aws.feed()).isEqualTo("amazon-aws");
    Warninglist awsList = aws.load().warninglists().get(0);
    assertThat(awsList.cloudProvider()).isEqualTo("aws");
    IntelStore store = IntelStore.builder().add(pools.load()).add(aws.load()).build();
    Indicator domain = first(pools, IndicatorType.DOMAIN, awsList, false);
    Indicator address = first(pools, IndicatorType.IP, awsList, false);
    Indicator inAws = first(pools, IndicatorType.IP, awsList, true);
    assertThat(store.suppressed()).isPositive();

    List<Finding> findings = DetectorHarness.withIntel(store,
        new IntelMatchDetector(DetectorConfig.DEFAULTS, Intel.builtin().withIocs(store))).run(List.of(
            dns("10.0.1.5", "i-0a1b2c3d4e5f60718", "eu." + domain.value(), T0, "q1"),
            flow("10.0.1.6", address.value(), 3333).time(T0).id("f1").build(),
            flow("10.0.1.7", inAws.value(), 3333).time(T0).id("f2").build()));

    assertThat(findings).extracting(f -> f.event().id()).containsExactlyInAnyOrder("q1", "f1");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.event().intel()).singleElement().satisfies(h -> {
        assertThat(h.feed()).isEqualTo("crypto_mining");
        assertThat(h.context()).contains("list: crypto_mining");
      });
      assertThat(f.reason()).contains("matched threat intel").contains("feed crypto_mining");
    });
  }

  /** The first single-value indicator of {@code type} whose value is (or is not) in one of the list's networks. */
  private static Indicator first(IntelFeeds.Feed feed, IndicatorType type, Warninglist list, boolean inList) {
    return feed.load().indicators().stream().filter(i -> i.type() == type && !i.value().contains("/"))
        .filter(i -> type != IndicatorType.IP
            || inList == list.values().stream().anyMatch(n -> IpNetwork.parse(n).contains(i.value())))
        .findFirst().orElseThrow();
  }
}
