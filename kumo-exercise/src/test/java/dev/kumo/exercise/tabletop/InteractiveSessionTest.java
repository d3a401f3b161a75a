package dev.kumo.exercise.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractiveSessionTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);

  private record Run(Answers answers, String output) {}

  private static Run play(Tabletop t, String script) {
    StringWriter out = new StringWriter();
    Answers a = new InteractiveSession(t, new BufferedReader(new StringReader(script)), new PrintWriter(out), CLOCK, 7)
        .run();
    return new Run(a, out.toString());
  }

  /** The option number of an id at an inject for seed 7. */
  private static int number(Tabletop t, String injectId, String id) {
    List<InteractiveSession.Option> options = InteractiveSession.options(t.inject(injectId).orElseThrow(), 7);
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    throw new AssertionError(id);
  }

  @Test
  void run_stdinScript_scoresLikeTheEquivalentAnswersFile() {
    Tabletop t = Fixtures.tiny();
    String script = String.join("\n",
        "Aiko: incident-commander", "Ben: cloud-engineer", "",
        number(t, "alert", "case") + "," + number(t, "alert", "snapshot") + "," + number(t, "alert", "terminate"),
        "incident-commander", "cloud-engineer", "cloud-engineer",
        "tell legal", "legal", "",
        "incident-commander, cloud-engineer",
        String.valueOf(number(t, "later", "redeploy")), "cloud-engineer",
        "", "cloud-engineer") + "\n";
    Run run = play(t, script);
    Answers file = Fixtures.answers("""
        tabletop: tiny
        team:
          - {name: Aiko, role: incident-commander}
          - {name: Ben, role: cloud-engineer}
        injects:
          alert:
            owners: [incident-commander, cloud-engineer, legal]
            actions:
              - {do: case, owner: incident-commander}
              - {do: snapshot, owner: cloud-engineer}
              - {do: terminate, owner: cloud-engineer}
              - {do: tell legal, owner: legal}
          later:
            owners: [cloud-engineer]
            actions:
              - {do: redeploy, owner: cloud-engineer}
        """);
    ScoreCard interactive = Scorer.score(t, run.answers());
    ScoreCard replay = Scorer.score(t, file);
    assertThat(interactive.points()).isEqualTo(replay.points()).isEqualTo(7);
    assertThat(interactive.missingOwners()).isEqualTo(replay.missingOwners());
    assertThat(run.answers().team()).isEqualTo(file.team());
    assertThat(run.answers().injects().get("alert").actions().get(0).at()).isEqualTo(CLOCK.instant());
    assertThat(run.output()).contains("[+1h] Inject 2/2: Later", "Terminate the instance now");
  }

  @Test
  void run_savedAnswers_replayToTheSameScore() {
    Tabletop t = Fixtures.tiny();
    Run run = play(t, "\n" + number(t, "alert", "snapshot") + "\ncloud-engineer\n\"quoted\" <b>\n\n\n1,2\n\n\n\n\n");
    String saved = AnswersWriter.write(run.answers());
    Answers back = AnswersReader.read(new StringReader(saved), "saved.yml", t);
    assertThat(back).isEqualTo(run.answers());
    assertThat(Scorer.score(t, back).points()).isEqualTo(Scorer.score(t, run.answers()).points());
  }

  @Test
  void run_badInput_isReportedAndAskedAgain() {
    Tabletop t = Fixtures.tiny();
    Run run = play(t, "nobody\n\n9\nx\n" + number(t, "alert", "case") + "\nceo\nincident-commander\n\n\n");
    assertThat(run.output()).contains("write it as 'name: role'", "not understood: enter numbers between 1 and 3",
        "unknown role; roles:");
    assertThat(run.answers().injects().get("alert").actions()).singleElement()
        .satisfies(a -> assertThat(a.owner()).isEqualTo("incident-commander"));
  }

  @Test
  void run_endOfInput_leavesRemainingInjectsUnanswered() {
    Run run = play(Fixtures.tiny(), "\n1\n");
    assertThat(run.output()).contains("(end of input");
    assertThat(run.answers().injects()).doesNotContainKey("later");
    Scorer.score(Fixtures.tiny(), run.answers());
  }

  @Test
  void options_sameSeed_sameOrder_andEveryChoiceOffered() {
    Inject alert = Fixtures.tiny().inject("alert").orElseThrow();
    assertThat(InteractiveSession.options(alert, 7)).isEqualTo(InteractiveSession.options(alert, 7));
    assertThat(InteractiveSession.options(alert, 7)).extracting(InteractiveSession.Option::id)
        .containsExactlyInAnyOrder("snapshot", "case", "terminate");
  }
}
