package dev.kumo.posture.check;

import static dev.kumo.posture.TestResources.bucket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.TestResources;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.sigma.Level;
import dev.kumo.tuning.Mutelist;
import dev.kumo.tuning.MutelistReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureMutesTest {
  private static final Check PUBLIC = TestResources.check("aws-s3-bucket-public-read", "aws.s3.bucket",
      Level.CRITICAL, Threat.DATA_THEFT, List.of(), "T1530", (r, inv, ctx) -> Verdict.fail("public"));

  private static List<CheckResult> mute(String yaml, LocalDate day) {
    Mutelist m = MutelistReader.read(new StringReader(yaml), "mutes.yml");
    Inventory inv = new Inventory(List.of(bucket("www-site"), bucket("orders")), List.of());
    return new PostureMutes(m, day).apply(PUBLIC.run(inv, CheckContext.at(Instant.EPOCH)));
  }

  @Test
  void apply_matchingEntry_mutesOnlyThatResourceAndSaysWhy() {
    List<CheckResult> r = mute("""
        mutelist:
          - name: public-website
            reason: static website, public by design
            owner: web-team
            expires: 2027-01-31
            rules: [aws-s3-bucket-public-*]
            resource: [www-*]
        """, LocalDate.parse("2026-11-26"));
    assertThat(r).filteredOn(x -> x.status() == Status.MUTED).singleElement().satisfies(x -> {
      assertThat(x.resource().name()).isEqualTo("www-site");
      assertThat(x.detail()).contains("muted by public-website: static website, public by design");
    });
    assertThat(r).filteredOn(x -> x.resource().name().equals("orders")).extracting(CheckResult::status)
        .containsExactly(Status.FAIL);
  }

  @Test
  void apply_expiredOrEventOnlyEntry_mutesNothing() {
    assertThat(mute("""
        mutelist:
          - {name: old, reason: r, owner: o, expires: 2026-01-01, rules: [aws-s3-*]}
          - {name: ci, reason: r, owner: o, expires: 2027-01-01, rules: [aws-s3-*], principal: [ci-*]}
        """, LocalDate.parse("2026-11-26"))).extracting(CheckResult::status).containsOnly(Status.FAIL);
  }
}
