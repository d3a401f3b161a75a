package dev.kumo.detector.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeLaunchesTest {

  private static JsonObject json(String text) {
    return (JsonObject) JsonTreeReader.lenient().read(text);
  }

  @Test
  void isLaunch_knowsComputeCallsByService() {
    assertThat(ComputeLaunches.isLaunch("ec2.amazonaws.com", "RunInstances")).isTrue();
    assertThat(ComputeLaunches.isLaunch("eks.amazonaws.com", "CreateCluster")).isTrue();
    assertThat(ComputeLaunches.isLaunch("ecs.amazonaws.com", "CreateCluster")).isTrue();
    assertThat(ComputeLaunches.isLaunch("elasticmapreduce.amazonaws.com", "RunJobFlow")).isTrue();
    assertThat(ComputeLaunches.isLaunch("redshift.amazonaws.com", "CreateCluster")).isFalse();
    assertThat(ComputeLaunches.isLaunch("ec2.amazonaws.com", "DescribeInstances")).isFalse();
    assertThat(ComputeLaunches.isLaunch(null, "RunInstances")).isFalse();
  }

  @Test
  void classify_acceleratedAndVeryLargeTypes() {
    assertThat(List.of("p3.2xlarge", "p5en.48xlarge", "g4dn.xlarge", "g5g.2xlarge", "inf2.xlarge", "trn1n.32xlarge",
        "dl1.24xlarge", "f1.2xlarge", "ml.p4d.24xlarge", "p6-b200.48xlarge", "p3", "G5.XLARGE"))
        .allMatch(ComputeLaunches::isAccelerated);
    assertThat(List.of("t3.micro", "m5.large", "c7g.16xlarge", "m6g.xlarge", "r5.metal", "ml.t3.medium"))
        .noneMatch(ComputeLaunches::isAccelerated);
    assertThat(List.of("c5.18xlarge", "m5.24xlarge", "x1e.32xlarge", "u-6tb1.112xlarge", "c7g.16xlarge", "r5.metal",
        "ml.m5.24xlarge")).allMatch(ComputeLaunches::isVeryLarge);
    assertThat(List.of("c5.9xlarge", "c5.12xlarge", "t3.2xlarge", "m5.large", "c5")).noneMatch(ComputeLaunches::isVeryLarge);
  }

  @Test
  void read_countsAndTypesOfTheCommonRequestShapes() {
    ComputeLaunches.Request run = ComputeLaunches.read(json("{\"instanceType\":{\"value\":\"p3.8xlarge\"},"
        + "\"instancesSet\":{\"items\":[{\"imageId\":\"ami-1\",\"minCount\":1,\"maxCount\":12}]}}"), null, "RunInstances");
    ComputeLaunches.Request fleet = ComputeLaunches.read(json("{\"CreateFleetRequest\":{\"LaunchTemplateConfigs\":"
        + "{\"Overrides\":[{\"InstanceType\":\"g5.xlarge\",\"tag\":1},{\"InstanceType\":\"g5.2xlarge\",\"tag\":2}],"
        + "\"tag\":1},\"TargetCapacitySpecification\":{\"TotalTargetCapacity\":40,\"SpotTargetCapacity\":40},"
        + "\"Type\":\"instant\"}}"), null, "CreateFleet");
    ComputeLaunches.Request emr = ComputeLaunches.read(json("{\"name\":\"etl\",\"instances\":{\"instanceGroups\":["
        + "{\"instanceRole\":\"MASTER\",\"instanceType\":\"m5.xlarge\",\"instanceCount\":1},"
        + "{\"instanceRole\":\"CORE\",\"instanceType\":\"r5.4xlarge\",\"instanceCount\":6}]}}"), null, "RunJobFlow");
    ComputeLaunches.Request asg = ComputeLaunches.read(json("{\"autoScalingGroupName\":\"web\",\"minSize\":2,"
        + "\"maxSize\":200,\"desiredCapacity\":3,\"launchTemplate\":{\"launchTemplateName\":\"web\"}}"), null,
        "CreateAutoScalingGroup");
    ComputeLaunches.Request none = ComputeLaunches.read(null, null, "CreateCluster");

    assertThat(run.types()).containsExactly("p3.8xlarge");
    assertThat(run.instances()).isEqualTo(12);
    assertThat(fleet.types()).containsExactlyInAnyOrder("g5.xlarge", "g5.2xlarge");
    assertThat(fleet.instances()).isEqualTo(40);
    assertThat(emr.types()).containsExactlyInAnyOrder("m5.xlarge", "r5.4xlarge");
    assertThat(emr.instances()).isEqualTo(7);
    assertThat(asg.types()).isEmpty();
    assertThat(asg.instances()).isEqualTo(3);
    assertThat(none.instances()).isEqualTo(1);
  }

  @Test
  void read_runInstancesResponseListsWhatWasLaunched() {
    ComputeLaunches.Request r = ComputeLaunches.read(
        json("{\"instanceType\":\"c6i.large\",\"instancesSet\":{\"items\":[{\"minCount\":1,\"maxCount\":5}]}}"),
        json("{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-1\",\"instanceType\":\"c6i.large\"},"
            + "{\"instanceId\":\"i-2\",\"instanceType\":\"c6i.large\"}]}}"), "RunInstances");
    assertThat(r.instances()).isEqualTo(2);
    assertThat(r.types()).containsExactly("c6i.large");
  }

  @Test
  void read_deepOrHugeRequests_stayBoundedAndSane() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      deep.append("{\"a\":");
    }
    deep.append("{\"instanceType\":\"p3.2xlarge\"}").append("}".repeat(200));
    assertThat(ComputeLaunches.read(json(deep.toString()), null, "RunInstances").types()).isEmpty();
    ComputeLaunches.Request huge = ComputeLaunches.read(json("{\"instancesSet\":{\"items\":[{\"maxCount\":"
        + "99999999999999999999}]},\"instanceType\":\"t3.micro\"}"), null, "RunInstances");
    assertThat(huge.instances()).isEqualTo(1_000_000);
  }

  @Test
  void read_realPantherLaunchRecords() throws Exception {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz");
    PantherCase plain = find(cases, "Successful Unusual EC2");
    PantherCase dictionary = find(cases, "Successful Unusual EC2 (Dictionary)");

    for (PantherCase c : List.of(plain, dictionary)) {
      ComputeLaunches.Request r = ComputeLaunches.read(c.log().getObject("requestParameters"),
          c.log().getObject("responseElements"), c.log().getString("eventName"));
      assertThat(r.types()).as(c.testName()).contains("p2.xlarge");
      assertThat(r.instances()).as(c.testName()).isEqualTo(1);
      assertThat(r.types()).allMatch(ComputeLaunches::isAccelerated);
    }
  }

  private static PantherCase find(List<PantherCase> cases, String testName) {
    return cases.stream().filter(c -> c.testName().equals(testName)).findFirst().orElseThrow();
  }
}
