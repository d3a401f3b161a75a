package dev.kumo.exercise.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.tabletop.ScoreCard.OwnerStatus;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final String PERFECT = """
      tabletop: tiny
      injects:
        alert:
          owners: [incident-commander, cloud-engineer]
          actions: [case, snapshot]
        later:
          owners: [cloud-engineer, legal]
          actions: [redeploy, notify]
      """;

  private static ScoreCard score(String answers) {
    return Scorer.score(Fixtures.tiny(), Fixtures.answers(answers));
  }

  @Test
  void score_allDecisionsRightOwnersInOrder_isFullMarks() {
    ScoreCard c = score(PERFECT);
    assertThat(c.points()).isEqualTo(12);
    assertThat(c.percent()).isEqualTo(100);
    assertThat(c.wentWell()).hasSize(4);
    assertThat(c.missed()).isEmpty();
    assertThat(c.missingOwners()).isEmpty();
  }

  @Test
  void score_distractorChosen_subtractsItsWeight() {
    ScoreCard c = score(PERFECT.replace("[case, snapshot]", "[case, snapshot, terminate]"));
    assertThat(c.points()).isEqualTo(9);
    assertThat(c.harmful()).singleElement().satisfies(x -> assertThat(x.distractor().why()).contains("evidence"));
    assertThat(c.injects().get(0).points()).isEqualTo(3);
  }

  @Test
  void score_missedDecision_earnsNothingAndIsListed() {
    ScoreCard c = score(PERFECT.replace("[redeploy, notify]", "[redeploy]"));
    assertThat(c.points()).isEqualTo(10);
    assertThat(c.missed()).extracting(r -> r.decision().id()).containsExactly("notify");
  }

  @Test
  void score_wrongExplicitOwner_halvesTheWeight() {
    ScoreCard c = score(PERFECT.replace("[case, snapshot]", "[case, {do: snapshot, owner: legal}]"));
    assertThat(c.decisions().get(0).owner()).isEqualTo(OwnerStatus.WRONG);
    assertThat(c.points()).isEqualTo(10);
    assertThat(c.partial()).singleElement().satisfies(r -> assertThat(Gaps.problem(r)).contains("taken by legal"));
  }

  @Test
  void score_beforeDecisionNotMadeFirst_halvesTheWeight() {
    ScoreCard c = score("""
        tabletop: tiny
        injects:
          alert:
            owners: [incident-commander, cloud-engineer]
            actions: [case, redeploy, snapshot]
          later:
            owners: [cloud-engineer, legal]
            actions: [notify]
        """);
    assertThat(c.decisions()).filteredOn(r -> r.decision().id().equals("redeploy")).singleElement()
        .satisfies(r -> assertThat(r.inOrder()).isFalse());
    assertThat(c.points()).isEqualTo(10);
  }

  @Test
  void score_roleNotAssigned_isReportedAsMissingOwner() {
    ScoreCard c = score(PERFECT.replace("owners: [cloud-engineer, legal]", "owners: [cloud-engineer]"));
    assertThat(c.missingOwners()).singleElement().satisfies(m -> {
      assertThat(m.role()).isEqualTo("legal");
      assertThat(m.injectId()).isEqualTo("later");
      assertThat(m.decisionIds()).containsExactly("notify");
    });
    assertThat(c.points()).isEqualTo(11);
    assertThat(c.roles()).filteredOn(r -> r.name().equals("legal")).singleElement()
        .satisfies(r -> assertThat(r.percent()).isEqualTo(50));
  }

  @Test
  void score_freeText_matchedByKeywordsIgnoringCase() {
    ScoreCard c = score(PERFECT.replace("[case, snapshot]", "[case, \"We SNAPSHOT every volume\", \"Terminate it\"]"));
    assertThat(c.decisions().get(0).made()).isTrue();
    assertThat(c.harmful()).extracting(x -> x.distractor().id()).containsExactly("terminate");
    assertThat(c.unrecognised()).isEmpty();
  }

  @Test
  void score_freeTextMatchingNothing_isUnrecognised() {
    assertThat(score(PERFECT.replace("[case, snapshot]", "[case, snapshot, call the vendor]")).unrecognised())
        .containsExactly("call the vendor");
  }

  @Test
  void score_manyDistractors_percentNeverBelowZero() {
    ScoreCard c = score("tabletop: tiny\ninjects:\n  alert:\n    actions: [terminate]\n");
    assertThat(c.points()).isEqualTo(-3);
    assertThat(c.percent()).isZero();
  }
}
