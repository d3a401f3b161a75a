package dev.kumo.ingest.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.LoadedRules;
import dev.kumo.event.FileActivity;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linux auditd: grouping record lines into events, the raw, ENRICHED, ausearch -i and laurel
 * renderings, file activity, hostile lines, and the built-in ransomware correlations on a
 * QNAPCrypt-style burst.
 */
class AuditdSourceTest {
  private static final Path SAMPLES = Path.of("src/test/resources/samples/linux.auditd");

  @TempDir
  Path dir;

  private static FileActivity file(NormalizedEvent e) {
    return (FileActivity) e.details();
  }

  private static NormalizedEvent bySerial(List<NormalizedEvent> events, String serial) {
    return events.stream().filter(e -> e.api().requestId().endsWith(":" + serial)).findFirst().orElseThrow();
  }

  @Test
  void read_rawAuditLog_groupsEveryEventWithoutProblems() {
    SourceTesting.Read r = SourceTesting.read(SAMPLES.resolve("audit.log"));
    assertThat(r.problems()).isEmpty();
    // 10 ordinary events, 40 renames, 60 creates, 60 deletes and a ransom note
    assertThat(r.events()).hasSize(171).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(AuditdSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.FILE_SYSTEM_ACTIVITY);
    });
    assertThat(r.events()).filteredOn(e -> file(e).activity().equals("rename")).hasSize(42);
    assertThat(r.events()).filteredOn(e -> file(e).activity().equals("delete")).hasSize(62);
    assertThat(r.events()).filteredOn(e -> file(e).activity().equals("create")).hasSize(62);
  }

  @Test
  void normalize_renameWithHexEncodedNames_decodesAndResolvesAgainstCwd() {
    NormalizedEvent e = bySerial(SourceTesting.read(SAMPLES.resolve("audit.log")).events(), "8125");
    assertThat(e.time()).isEqualTo(Instant.parse("2023-11-14T22:01:35.120Z"));
    assertThat(file(e).activity()).isEqualTo("rename");
    assertThat(file(e).oldPath()).isEqualTo("/srv/share/finance/meeting notes.txt");
    assertThat(file(e).path()).isEqualTo("/srv/share/finance/meeting notes.txt~");
    assertThat(file(e).process()).isEqualTo("/usr/bin/vim.basic");
    assertThat(file(e).pid()).isEqualTo(2290L);
    assertThat(file(e).success()).isTrue();
    assertThat(e.actor().userName()).isEqualTo("1001");
    assertThat(e.api().operation()).isEqualTo("rename");
    assertThat(e.field("PROCTITLE.proctitle")).isEqualTo("vim meeting notes.txt");
    assertThat(e.field("kumo.types")).isEqualTo("SYSCALL");
  }

  @Test
  void normalize_deniedUnlink_isFailedDeleteOfTheNamedFile() {
    NormalizedEvent e = bySerial(SourceTesting.read(SAMPLES.resolve("audit.log")).events(), "8130");
    assertThat(file(e).activity()).isEqualTo("delete");
    assertThat(file(e).path()).isEqualTo("/srv/share/hr/salaries-2023.xlsx");
    assertThat(file(e).success()).isFalse();
    assertThat(e.api().errorCode()).isEqualTo("-13");
  }

  @Test
  void normalize_openForWriting_isCreateOrWriteByFlags() {
    List<NormalizedEvent> events = SourceTesting.read(SAMPLES.resolve("audit.log")).events();
    NormalizedEvent created = bySerial(events, "8126");
    assertThat(file(created).activity()).isEqualTo("create");
    assertThat(file(created).path()).isEqualTo("/srv/share/finance/meeting notes.txt");
    NormalizedEvent write = SourceTesting.read(SAMPLES.resolve("ausearch-i.txt")).events().get(1);
    assertThat(file(write).activity()).isEqualTo("write");
    assertThat(file(write).path()).isEqualTo("/home/alice/notes.txt");
  }

  @Test
  void read_enrichedLogWithNode_usesNamesFromTheEnrichedFields() {
    SourceTesting.Read r = SourceTesting.read(SAMPLES.resolve("enriched.log"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(3);
    NormalizedEvent login = r.events().get(0);
    assertThat(login.field("kumo.types")).isEqualTo("USER_LOGIN");
    assertThat(login.field("USER_LOGIN.addr")).isEqualTo("203.0.113.45");
    assertThat(login.actor().userName()).isEqualTo("bob");
    NormalizedEvent rename = r.events().get(1);
    assertThat(rename.id()).isEqualTo("fs02:1700000000.120:512");
    assertThat(file(rename).host()).isEqualTo("fs02");
    assertThat(file(rename).user()).isEqualTo("bob");
    assertThat(file(rename).oldPath()).isEqualTo("/srv/share/design/logo-v2.svg");
    assertThat(file(rename).path()).isEqualTo("/srv/share/design/logo-v2.svg.locked");
    assertThat(rename.field("kumo.newExtension")).isEqualTo("locked");
    assertThat(rename.field("SYSCALL.key")).isEqualTo("share-watch");
    NormalizedEvent exec = r.events().get(2);
    assertThat(file(exec).activity()).isEqualTo("execute");
    assertThat(exec.field("EXECVE.a2")).isEqualTo("https://files.example.net/kit.tar.gz");
    assertThat(exec.field("PROCTITLE.proctitle")).isEqualTo("curl -sO https://files.example.net/kit.tar.gz");
  }

  @Test
  void read_ausearchInterpretedOutput_groupsBySeparatorsAndKeepsSpacesInValues() {
    SourceTesting.Read r = SourceTesting.read(SAMPLES.resolve("ausearch-i.txt"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    NormalizedEvent rename = r.events().get(0);
    assertThat(rename.time()).isEqualTo(Instant.parse("2023-11-14T22:13:20Z"));
    assertThat(file(rename).oldPath()).isEqualTo("/srv/share/finance/budget 2024.xlsx");
    assertThat(file(rename).path()).isEqualTo("/srv/share/finance/budget 2024.xlsx.encrypt");
    assertThat(file(rename).user()).isEqualTo("backup");
    assertThat(rename.field("PROCTITLE.proctitle")).isEqualTo("/tmp/.cache/.qnc -r /srv/share");
  }

  @Test
  void read_laurelJsonLines_normalizesLikeGroupedLines() {
    SourceTesting.Read r = SourceTesting.read(SAMPLES.resolve("laurel.jsonl"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo(AuditdSource.ID));
    NormalizedEvent delete = r.events().get(0);
    assertThat(file(delete).activity()).isEqualTo("delete");
    assertThat(file(delete).path()).isEqualTo("/srv/share/projects/tender-2024.docx");
    assertThat(delete.actor().userName()).isEqualTo("backup");
    assertThat(file(r.events().get(1)).activity()).isEqualTo("execute");
  }

  @Test
  void read_interleavedEventsAndLateEoe_groupEachEventOnce() {
    String log = String.join("\n",
        "type=SYSCALL msg=audit(1700000100.001:70): arch=c000003e syscall=87 success=yes exit=0 a0=1 a1=0 a2=0 a3=0 items=2 ppid=1 pid=10 auid=1000 uid=1000 comm=\"rm\" exe=\"/usr/bin/rm\" key=(null)",
        "type=SYSCALL msg=audit(1700000100.002:71): arch=c000003e syscall=82 success=yes exit=0 a0=1 a1=2 a2=0 a3=0 items=4 ppid=1 pid=11 auid=1000 uid=1000 comm=\"mv\" exe=\"/usr/bin/mv\" key=(null)",
        "type=CWD msg=audit(1700000100.001:70): cwd=\"/data\"",
        "type=PATH msg=audit(1700000100.001:70): item=0 name=\"/data/\" nametype=PARENT",
        "type=PATH msg=audit(1700000100.001:70): item=1 name=\"old.log\" nametype=DELETE",
        "type=CWD msg=audit(1700000100.002:71): cwd=\"/data\"",
        "type=PATH msg=audit(1700000100.002:71): item=2 name=\"a.txt\" nametype=DELETE",
        "type=PATH msg=audit(1700000100.002:71): item=3 name=\"b.txt\" nametype=CREATE",
        "type=PROCTITLE msg=audit(1700000100.002:71): proctitle=6D7600612E74787400622E747874",
        "type=PROCTITLE msg=audit(1700000100.001:70): proctitle=726D006F6C642E6C6F67",
        "type=EOE msg=audit(1700000100.001:70): ",
        "type=EOE msg=audit(1700000100.002:71): ") + "\n";
    SourceTesting.Read r = SourceTesting.read("audit.log", log.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(e -> file(e).activity() + " " + file(e).path())
        .containsExactly("rename /data/b.txt", "delete /data/old.log");
    assertThat(r.events().get(0).field("PROCTITLE.proctitle")).isEqualTo("mv a.txt b.txt");
  }

  @Test
  void read_hostileLines_areReportedOneByOneAndReadingGoesOn() {
    String log = String.join("\n",
        "type=SYSCALL msg=audit(1700000100.001:70): arch=c000003e syscall=87 success=yes exit=0 items=1 pid=10 auid=1000 comm=\"rm\" exe=\"/usr/bin/rm\"",
        "type=PATH msg=audit(1700000100.001:70): item=0 name=\"/data/a\" nametype=DELETE",
        "garbage that is not an audit record",
        "type=SYSCALL msg=audit(yesterday:71): arch=c000003e syscall=87",
        "type=PATH msg=audit(1700000100.003:72): item=0 nametype=NORMAL name=\"unterminated",
        "type=PROCTITLE msg=audit(1700000100.001:70): proctitle=\"rm\"") + "\n";
    SourceTesting.Read r = SourceTesting.read("audit.log", log.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.MALFORMED_RECORD,
        ProblemKind.MALFORMED_RECORD);
    assertThat(r.problems()).extracting(p -> p.line()).containsExactly(3L, 4L);
    assertThat(r.events()).hasSize(2);
    assertThat(file(r.events().get(0)).path()).isEqualTo("/data/a");
    assertThat(r.events().get(1).field("PATH.name")).isEqualTo("unterminated");
  }

  @Test
  void parse_mangledLines_onlyEverRejectsWithAReason() throws Exception {
    List<String> lines = java.nio.file.Files.readAllLines(SAMPLES.resolve("audit.log")).subList(0, 120);
    java.util.Random random = new java.util.Random(7);
    String[] junk = {"", " ", "=", "\"", "'", ":", ")", "(", "msg=audit(", "type=", "\u001d", "node=", "0x", "%", "\u0000"};
    AuditdSource source = new AuditdSource();
    for (int round = 0; round < 30; round++) {
      AuditdEventParser parser = new AuditdEventParser(round % 2 == 1);
      List<dev.kumo.json.JsonObject> grouped = new ArrayList<>();
      for (String line : lines) {
        StringBuilder b = new StringBuilder(line);
        for (int k = random.nextInt(4); k > 0; k--) {
          int at = random.nextInt(b.length() + 1);
          if (random.nextBoolean() && at < b.length()) {
            b.delete(at, Math.min(b.length(), at + random.nextInt(12)));
          } else {
            b.insert(at, junk[random.nextInt(junk.length)]);
          }
        }
        try {
          dev.kumo.json.JsonObject r = parser.parse(b.toString());
          if (r != null) {
            grouped.add(r);
          }
        } catch (dev.kumo.ingest.InvalidRecordException expected) {
          assertThat(expected.getMessage()).doesNotContain("\n");
        }
      }
      grouped.addAll(parser.flush());
      for (dev.kumo.json.JsonObject r : grouped) {
        try {
          source.normalize(r, new dev.kumo.event.Origin("mangled", 1, 1));
        } catch (dev.kumo.ingest.InvalidRecordException expected) {
          assertThat(expected.getMessage()).doesNotContain("\n");
        }
      }
      assertThat(grouped).isNotEmpty();
    }
  }

  @Test
  void sniff_otherTextLogs_areNotClaimed() {
    AuditdSource source = new AuditdSource();
    assertThat(source.sniff(List.of("Nov 14 22:13:20 fs01 sshd[2201]: Accepted publickey for alice from 198.51.100.23"))).isEmpty();
    assertThat(source.sniff(List.of("2023-11-14T22:13:20Z type=login user=alice"))).isEmpty();
    assertThat(source.sniff(List.of("----", "type=SYSCALL msg=audit(1700000100.001:70): syscall=87"))).isPresent();
  }

  @Test
  void hunt_qnapCryptBurst_firesTheRenameAndDeletionCorrelationsOnly() throws Exception {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    HuntOptions options = new HuntOptions(1, null, null, Level.INFORMATIONAL, false, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 1000, dir, dev.kumo.tuning.Mutelist.EMPTY, false);
    List<Finding> findings = new ArrayList<>();
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), options, clock)
        .run(List.of(InputFile.of(SAMPLES.resolve("audit.log"))), new Progress())) {
      r.findings().forEachRemaining(findings::add);
    }
    assertThat(findings).extracting(Finding::ruleName).containsExactlyInAnyOrder(
        "kumo_linux_mass_file_rename_new_extension", "kumo_linux_mass_file_deletion");
    Finding rename = findings.stream().filter(f -> f.ruleName().equals("kumo_linux_mass_file_rename_new_extension"))
        .findFirst().orElseThrow();
    assertThat(rename.level()).isEqualTo(Level.CRITICAL);
    assertThat(rename.correlation().group()).containsEntry("SYSCALL.exe", "/tmp/.cache/.qnc")
        .containsEntry("kumo.user", "1003").containsEntry("kumo.newExtension", "encrypt");
    assertThat(rename.correlation().eventCount()).isGreaterThanOrEqualTo(30);
  }
}
