package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioAction;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped role-chain scenario played into the background: a tool can follow the stolen key through each
 * AssumeRole to the key the next calls use, down to the data access; every record is labelled; the chain is
 * the same for a seed.
 */
class ScenarioRoleChainTest {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final Scenario CHAIN = ScenarioLibrary.byId("instance-credentials-role-chain").orElseThrow()
      .withStart(Duration.ofHours(2));

  @TempDir
  Path dir;

  /** A CloudTrail record of the scenario, with the step its label names. */
  private record Call(JsonObject raw, String step) {
    String name() {
      return raw.getString("eventName");
    }

    String key() {
      return raw.getObject("userIdentity").getString("accessKeyId");
    }

    String arn() {
      return raw.getObject("userIdentity").getString("arn");
    }

    String issuedKey() {
      return raw.getObject("responseElements").getObject("credentials").getString("accessKeyId");
    }

    String issuedArn() {
      return raw.getObject("responseElements").getObject("assumedRoleUser").getString("arn");
    }
  }

  private Path simulate(String name, long seed) throws IOException {
    Path out = dir.resolve(name);
    Simulation.run(new SimulationOptions(seed, 3_000, START, 1, EnumSet.of(Source.CLOUDTRAIL, Source.ALB), out,
        List.of(CHAIN)));
    return out;
  }

  @Test
  void roleHops_assumeRoleIsCalledWithThePreviousKey_andIssuesTheKeyTheNextCallsUse() throws IOException {
    List<Call> calls = scenarioCalls(simulate("a", 3));
    List<Call> hops = calls.stream().filter(c -> c.name().equals("AssumeRole")).toList();
    assertThat(hops).extracting(Call::step).containsExactly("assume-deploy-role", "assume-shared-services-role");

    String stolen = keyOf(calls, "stolen-credentials");
    assertThat(hops.get(0).key()).isEqualTo(stolen);
    assertThat(keyOf(calls, "discover-roles")).isEqualTo(stolen);

    String deployKey = hops.get(0).issuedKey();
    assertThat(hops.get(0).issuedArn()).contains(":assumed-role/terraform-deploy/botocore-session-");
    for (String step : List.of("assume-deploy-role", "discover-accounts")) {
      assertThat(keyOf(calls, step)).as(step).isEqualTo(deployKey);
      assertThat(signed(calls, step)).extracting(Call::arn).containsOnly(hops.get(0).issuedArn());
    }
    assertThat(hops.get(1).key()).isEqualTo(deployKey);
    assertThat(hops.get(1).arn()).isEqualTo(hops.get(0).issuedArn());

    String ciKey = hops.get(1).issuedKey();
    String sharedAccount = hops.get(1).raw().getString("recipientAccountId");
    assertThat(hops.get(1).issuedArn()).startsWith("arn:aws:sts::" + sharedAccount + ":assumed-role/codebuild-deploy/");
    assertThat(sharedAccount).isNotEqualTo(hops.get(0).raw().getString("recipientAccountId"));
    for (String step : List.of("assume-shared-services-role", "list-state-and-backups", "collect-state-and-backups")) {
      assertThat(keyOf(calls, step)).as(step).isEqualTo(ciKey);
      assertThat(signed(calls, step)).extracting(c -> c.raw().getString("recipientAccountId"))
          .containsOnly(sharedAccount);
    }
    List<Call> reads = calls.stream().filter(c -> c.name().equals("GetObject")).toList();
    assertThat(reads).hasSize(58).allSatisfy(c -> assertThat(c.key()).isEqualTo(ciKey))
        .allSatisfy(c -> assertThat(c.raw().get("managementEvent")).isEqualTo(false));
    assertThat(Set.of(stolen, deployKey, ciKey)).hasSize(3);
    assertThat(calls.get(calls.size() - 1).name()).isEqualTo("GetObject");
  }

  @Test
  void labels_coverEveryRecordFromTheAttackersAddress_oneAssumeRolePerHop() throws IOException {
    Path out = simulate("a", 3);
    List<Call> calls = scenarioCalls(out);
    String attacker = calls.get(0).raw().getString("sourceIPAddress");
    assertThat(calls).allSatisfy(c -> assertThat(c.raw().getString("sourceIPAddress")).isEqualTo(attacker));
    long fromAttacker = cloudTrail(out).stream().filter(r -> attacker.equals(r.getString("sourceIPAddress"))).count();
    assertThat(fromAttacker).as("every record from the attacker's address is labelled").isEqualTo(calls.size());

    Map<String, Long> perStep = labels(out).stream().collect(Collectors.groupingBy(l -> l.getString("step"),
        Collectors.counting()));
    for (Scenario.Step step : CHAIN.steps()) {
      long expected = step.actions().stream().mapToInt(ScenarioAction::count).sum()
          + (step.id().startsWith("assume-") ? 1 : 0);
      assertThat(perStep.getOrDefault(step.id(), 0L)).as(step.id()).isEqualTo(expected);
    }
  }

  @Test
  void chain_sameSeed_sameKeysAndSessions_otherSeed_others() throws IOException {
    List<String> a = chainKeys(scenarioCalls(simulate("a", 8)));
    assertThat(chainKeys(scenarioCalls(simulate("b", 8)))).isEqualTo(a);
    assertThat(chainKeys(scenarioCalls(simulate("c", 9)))).doesNotContainAnyElementsOf(a);
  }

  /** The access keys along the chain: the stolen one, then what each AssumeRole issued. */
  private static List<String> chainKeys(List<Call> calls) {
    List<String> keys = new ArrayList<>();
    keys.add(keyOf(calls, "stolen-credentials"));
    calls.stream().filter(c -> c.name().equals("AssumeRole")).forEach(c -> keys.add(c.issuedKey()));
    return keys;
  }

  /** The single key the step's own calls (not the AssumeRole that starts its session) are signed with. */
  private static String keyOf(List<Call> calls, String step) {
    Set<String> keys = signed(calls, step).stream().map(Call::key).collect(Collectors.toSet());
    assertThat(keys).as("keys of step %s", step).hasSize(1);
    return keys.iterator().next();
  }

  private static List<Call> signed(List<Call> calls, String step) {
    return calls.stream().filter(c -> c.step().equals(step) && !c.name().equals("AssumeRole")).toList();
  }

  /** The labelled CloudTrail records, in event-time order. */
  private static List<Call> scenarioCalls(Path out) throws IOException {
    Map<String, String> stepById = new HashMap<>();
    for (JsonObject l : labels(out)) {
      if (l.getString("event_id") != null) {
        stepById.put(l.getString("event_id"), l.getString("step"));
      }
    }
    List<Call> calls = new ArrayList<>();
    for (JsonObject r : cloudTrail(out)) {
      String step = stepById.get(r.getString("eventID"));
      if (step != null) {
        calls.add(new Call(r, step));
      }
    }
    assertThat(calls).hasSize(stepById.size());
    calls.sort(Comparator.comparing(c -> c.raw().getString("eventTime")));
    return calls;
  }

  private static List<JsonObject> labels(Path out) throws IOException {
    List<JsonObject> labels = new ArrayList<>();
    for (String line : Files.readAllLines(Simulation.labelsFile(out))) {
      labels.add((JsonObject) JsonTreeReader.lenient().read(line));
    }
    return labels;
  }

  private static List<JsonObject> cloudTrail(Path out) throws IOException {
    List<JsonObject> records = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out.resolve("AWSLogs"))) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        SourceTesting.read(p).events().stream().filter(e -> e.source().equals("aws.cloudtrail"))
            .forEach(e -> records.add(e.raw()));
      }
    }
    return records;
  }
}
