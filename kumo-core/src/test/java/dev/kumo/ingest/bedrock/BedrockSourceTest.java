package dev.kumo.ingest.bedrock;

import static dev.kumo.testing.SampleFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Actor;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SampleFiles;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import dev.kumo.testing.SourceTesting.Read;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BedrockSourceTest {
  private static final LoadedRules RULES = SampleFiles.builtinRules();
  private static final String GUARDRAIL_RULE = "AWS Bedrock Guardrail Blocked a Prompt or Response";
  private static final String TOKENS_RULE = "AWS Bedrock Model Invocation With a Very Large Token Count";

  @Test
  void read_s3Delivery_readsEveryInvocationAsApiActivity() {
    Read r = SampleFiles.read("aws.bedrock/invocations.jsonl");
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(3).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(BedrockSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
      assertThat(e.api().service()).isEqualTo("bedrock.amazonaws.com");
    });
  }

  @Test
  void normalize_invocation_fillsActorOperationAndModel() {
    NormalizedEvent e = SampleFiles.read("aws.bedrock/invocations.jsonl").events().get(0);
    assertThat(e.id()).isEqualTo("0c9b8a7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:30:12Z"));
    assertThat(e.cloud().account()).isEqualTo("111122223333");
    assertThat(e.cloud().region()).isEqualTo("us-east-1");
    assertThat(e.actor().identityType()).isEqualTo("AssumedRole");
    assertThat(e.actor().principal()).isEqualTo("arn:aws:sts::111122223333:assumed-role/support-assistant/ecs-task-4b1e");
    assertThat(e.actor().userName()).isEqualTo("support-assistant");
    assertThat(e.api().operation()).isEqualTo("Converse");
    assertThat(e.api().requestId()).isEqualTo(e.id());
    assertThat(e.src().ip()).isNull();
    assertThat(e.resources()).singleElement().satisfies(r -> {
      assertThat(r.uid()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
      assertThat(r.account()).isNull();
    });
    NormalizedEvent profile = SampleFiles.read("aws.bedrock/invocations.jsonl").events().get(2);
    assertThat(profile.resources().get(0).account()).isEqualTo("111122223333");
  }

  @Test
  void actor_readsEachKindOfIamArn() {
    assertThat(BedrockSource.actor("arn:aws:iam::111122223333:user/ops/build-bot"))
        .extracting(Actor::identityType, Actor::userName).containsExactly("IAMUser", "build-bot");
    assertThat(BedrockSource.actor("arn:aws:iam::111122223333:root"))
        .extracting(Actor::identityType, Actor::userName).containsExactly("Root", "root");
    assertThat(BedrockSource.actor("not-an-arn")).extracting(Actor::identityType, Actor::principal)
        .containsExactly(null, "not-an-arn");
    assertThat(BedrockSource.actor(null)).isEqualTo(Actor.UNKNOWN);
  }

  @Test
  void read_pantherBedrockTests_readsAllWithTime() throws Exception {
    Read r = SourceTesting.read("b.jsonl", SourceTesting.pantherLogsAsJsonLines("tests_AWS.BedrockModelInvocation.jsonl.gz"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(8).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(BedrockSource.ID);
      assertThat(e.actor().identityType()).isEqualTo("AssumedRole");
    });
    assertThat(r.events().get(0).time()).isEqualTo(Instant.parse("2025-05-15T14:17:22Z"));
  }

  @Test
  void guardrailRule_firesOnPantherGuardrailInterventions_only() throws Exception {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_AWS.BedrockModelInvocation.jsonl.gz");
    List<NormalizedEvent> events = SourceTesting.read("b.jsonl",
        SourceTesting.pantherLogsAsJsonLines("tests_AWS.BedrockModelInvocation.jsonl.gz")).events();
    List<String> fired = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (SourceTesting.matchingRuleTitles(RULES, events.get(i)).contains(GUARDRAIL_RULE)) {
        fired.add(cases.get(i).testName());
      }
    }
    assertThat(fired).containsExactly("Suspicious Converse Operation", "Suspicious Invoke Operation");
  }

  @Test
  void rules_fireOnTheLargeAndTheBlockedInvocation_notOnTheOrdinaryOne() {
    List<NormalizedEvent> events = SampleFiles.read("aws.bedrock/invocations.jsonl").events();
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(0))).isEmpty();
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(1))).containsExactly(TOKENS_RULE);
    assertThat(SourceTesting.matchingRuleTitles(RULES, events.get(2))).containsExactly(GUARDRAIL_RULE);
  }

  @Test
  void read_forcedOnSomethingElse_reportsNotSourceRecord() {
    List<NormalizedEvent> events = new ArrayList<>();
    IngestStats stats = new IngestStats(10);
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, new BedrockSource()).read(
        InputFile.ofStream("x.jsonl", () -> new ByteArrayInputStream(utf8("{\"message\":\"hello\"}\n"))), events::add,
        stats, null);
    assertThat(events).isEmpty();
    assertThat(stats.allExamples()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD));
  }

  @Test
  void read_recordWithoutTimestamp_isKeptWithUnknownTime() {
    Read r = SourceTesting.read("b.jsonl", utf8("{\"schemaType\":\"ModelInvocationLog\",\"operation\":\"Converse\"}\n"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
      assertThat(e.id()).startsWith("sha256:");
    });
  }
}
