package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.respond.custody.LedgerVerifier;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kumo respond run: the dry run, and --execute against a stub S3 endpoint (the JDK's HTTP server answering the S3
 * REST protocol; kumo-cli has no WireMock dependency).
 */
class RespondRunCommandTest {
  private static final String PLAYBOOK = """
      playbook: close-bucket
      title: Close a public bucket
      threat: misconfiguration
      description: Blocks public access and turns versioning on.
      targets: [bucket, account, region]
      steps:
        - step: block-public
          title: Block public access
          kind: block-public-access
          effect: contain
          does: Turns every S3 Block Public Access setting on.
          reversible: true
          how: PutPublicAccessBlock with the recorded settings.
          mitigation: M1022
        - step: versioning
          title: Turn versioning on
          kind: enable-versioning-and-object-lock
          effect: preserve
          does: Turns versioning on.
          reversible: false
          how: Versioning can only be suspended.
          mitigation: M1053
      """;

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private String savedKey;
  private String savedSecret;


  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("x-amz-request-id", "rid-" + requests.size());
      exchange.getResponseHeaders().add("x-amz-id-2", "host-id");
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().close();
      exchange.close();
    });
    server.start();
    savedKey = System.getProperty("aws.accessKeyId");
    savedSecret = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "secret");
  }

  @AfterEach
  void stop() {
    server.stop(0);
    restore("aws.accessKeyId", savedKey);
    restore("aws.secretAccessKey", savedSecret);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void run_withoutExecute_printsEveryCallAndCallsNothing() {
    Cli.Result r = Cli.respond("run", "--instance", "i-0abc1234def567890", "--account", "111122223333", "--region",
        "us-east-1", "--case-id", "case-7", "--state-dir", dir.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("Dry run of plan").contains("aws ec2 create-snapshots")
        .contains("aws ec2 modify-instance-attribute");
    assertThat(requests).isEmpty();
    assertThat(dir.resolve("respond")).doesNotExist();
  }

  @Test
  void run_execute_makesTheCalls_printsOneLinePerStep_andKeepsState() throws Exception {
    Path playbook = dir.resolve("close-bucket.yaml");
    Files.writeString(playbook, PLAYBOOK);

    Cli.Result r = Cli.respond("run", "--playbook", playbook.toString(), "--bucket", "victim-bucket", "--account",
        "111122223333", "--region", "us-east-1", "--case-id", "case-7", "--state-dir", dir.toString(), "--execute",
        "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort());

    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0)).startsWith("PUT /victim-bucket?publicAccessBlock");
    assertThat(requests.get(1)).startsWith("PUT /victim-bucket?versioning");
    assertThat(requests.get(2)).startsWith("PUT /victim-bucket?object-lock");
    // the JDK server rewrites header names (X-amz-request-id), which the SDK's S3 metadata does not match: the
    // request id shows as UNKNOWN here; PlanRunnerTest and AwsResponderTest check real request ids
    assertThat(r.out()).contains("[done] 1 block-public-access (s3 PutPublicAccessBlock ")
        .contains("[done] 2 enable-versioning-and-object-lock: GOVERNANCE 30 days, victim-bucket (s3 PutBucketVersioning ",
            "s3 PutObjectLockConfiguration ");
    assertThat(LedgerVerifier.verify(dir, null).ok()).isTrue();

    Cli.Result again = Cli.respond("run", "--playbook", playbook.toString(), "--bucket", "victim-bucket", "--account",
        "111122223333", "--region", "us-east-1", "--case-id", "case-7", "--state-dir", dir.toString(), "--execute",
        "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort());

    assertThat(again.exit()).isEqualTo(ExitCode.OK);
    assertThat(requests).as("a rerun of a finished plan calls nothing").hasSize(3);
  }

  @Test
  void run_execute_withoutAStateDir_isAUsageError() {
    Cli.Result r = Cli.respond("run", "--bucket", "victim-bucket", "--account", "111122223333", "--region", "us-east-1",
        "--case-id", "case-7", "--execute");

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--execute needs --state-dir DIR or --case DIR");
  }

  @Test
  void run_execute_evidenceBucketThatIsNoBucketName_isAUsageError_andCallsNothing() {
    Cli.Result r = Cli.respond("run", "--instance", "i-0abc1234def567890", "--account", "111122223333", "--region",
        "us-east-1", "--case-id", "case-7", "--state-dir", dir.toString(), "--execute", "--with", "memory",
        "--evidence-bucket", "b';rm -rf /", "--endpoint-url", "http://127.0.0.1:" + server.getAddress().getPort());

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--evidence-bucket is not a bucket name");
    assertThat(requests).isEmpty();
  }

  @Test
  void run_execute_maxLogEventsBelowOne_isAUsageError() {
    Cli.Result r = Cli.respond("run", "--instance", "i-0abc1234def567890", "--account", "111122223333", "--region",
        "us-east-1", "--case-id", "case-7", "--state-dir", dir.toString(), "--execute", "--max-log-events", "0");

    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--max-log-events must be at least 1");
    assertThat(requests).isEmpty();
  }
}
