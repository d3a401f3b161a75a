package dev.kumo.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.LoadProblem;
import dev.kumo.sigma.RuleLoadResult;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.Events;
import dev.kumo.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  private static final String RULE = """
      title: Bucket policy changed
      id: 6f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d
      name: bucket_policy_changed
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection:
              eventName: PutBucketPolicy
          condition: selection
      level: medium
      """;

  private static NormalizedEvent event(String json) {
    return Events.raw((JsonObject) JsonTreeReader.lenient().read(json), Instant.EPOCH, "aws.cloudtrail");
  }

  private static List<String> matches(DetectionEngine engine, NormalizedEvent e) {
    List<String> out = new ArrayList<>();
    engine.match(e, r -> out.add(r.meta().key()));
    return out;
  }

  private static DetectionEngine build(String text) {
    RuleLoadResult r = new RuleLoader().loadText(text, "t.yml", false);
    assertThat(r.errors()).isEmpty();
    EngineBuilder.Result b = EngineBuilder.defaults(CompileOptions.defaults()).build(r.rules());
    assertThat(b.problems()).noneMatch(LoadProblem::isError);
    return b.engine();
  }

  @Test
  void filterDocument_excludesMatchingEventsFromTheRulesItNames() {
    DetectionEngine engine = build(RULE + """
        ---
        title: Ignore the deploy role
        id: 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
        logsource: {product: aws, service: cloudtrail}
        filter:
            rules:
                - bucket_policy_changed
            selection:
                userIdentity.arn|endswith: ':role/deploy'
            condition: selection
        """);
    assertThat(matches(engine, event("{\"eventName\":\"PutBucketPolicy\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/eve\"}}")))
        .containsExactly("6f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
    assertThat(matches(engine, event("{\"eventName\":\"PutBucketPolicy\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:role/deploy\"}}")))
        .isEmpty();
  }

  @Test
  void filterDocument_forAnotherLogsource_doesNotApply() {
    DetectionEngine engine = build(RULE + """
        ---
        title: Okta-only filter
        logsource: {product: okta, service: okta}
        filter:
            rules: [bucket_policy_changed]
            selection:
                eventName: PutBucketPolicy
            condition: selection
        """);
    assertThat(matches(engine, event("{\"eventName\":\"PutBucketPolicy\"}"))).hasSize(1);
  }

  @Test
  void rules_forOtherLogsources_areNotRoutedToCloudTrail() {
    DetectionEngine engine = build(RULE.replace("product: aws, service: cloudtrail", "product: example, service: unread"));
    assertThat(matches(engine, event("{\"eventName\":\"PutBucketPolicy\"}"))).isEmpty();
    assertThat(engine.sources()).isEmpty();
  }

  @Test
  void engine_withAllSharedRules_survivesJavaSerializationAndMatchesTheSame() throws Exception {
    RuleLoader loader = new RuleLoader();
    RuleLoadResult loaded = loader.loadBuiltin().plus(loader.load(List.of(SharedData.require("sigma/rules"))));
    DetectionEngine engine = EngineBuilder.defaults(CompileOptions.defaults()).build(loaded.rules()).engine();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(engine);
    }
    DetectionEngine copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DetectionEngine) in.readObject();
    }
    NormalizedEvent e = event("{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\","
        + "\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\"}}},\"sourceIPAddress\":\"203.0.113.5\"}");
    List<String> before = matches(engine, e);
    assertThat(before).hasSizeGreaterThanOrEqualTo(3);
    assertThat(matches(copy, e)).isEqualTo(before);
    assertThat(copy.rules()).hasSameSizeAs(engine.rules());
  }
}
