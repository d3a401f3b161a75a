package dev.kumo.ingest.m365;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Management API records and audit-search exports reach rules as the same record. */
class M365AuditSourceTest {
  private static List<NormalizedEvent> sample(String name) {
    SourceTesting.Read r = SourceTesting.read(Path.of("src/test/resources/samples/m365.audit", name));
    assertThat(r.problems()).as(name).isEmpty();
    return r.events();
  }

  @Test
  void normalize_managementApiRecords_workloadOperationActorAndClient() {
    List<NormalizedEvent> events = sample("management-activity-api.json");

    NormalizedEvent rule = events.get(0);
    assertThat(rule.source()).isEqualTo(M365AuditSource.ID);
    assertThat(rule.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(rule.id()).isEqualTo("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e");
    assertThat(rule.time()).isEqualTo("2024-05-01T12:00:05Z");
    assertThat(rule.api().service()).isEqualTo("Exchange");
    assertThat(rule.api().operation()).isEqualTo("New-InboxRule");
    assertThat(rule.actor().userName()).isEqualTo("alice@contoso-lab.example");
    assertThat(rule.actor().identityType()).isEqualTo("Admin");
    assertThat(rule.src().ip()).isEqualTo("203.0.113.45"); // port stripped
    assertThat(rule.cloud().provider()).isEqualTo("Microsoft 365");
    assertThat(rule.cloud().account()).isEqualTo("7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b");

    NormalizedEvent download = events.get(1);
    assertThat(download.src().userAgent()).contains("Chrome/124");
    assertThat(download.resources()).singleElement().satisfies(r -> {
      assertThat(r.uid()).endsWith("payroll-2024.xlsx");
      assertThat(r.type()).isEqualTo("File");
    });
  }

  @Test
  void read_purviewCsvExport_parsesAuditDataIntoTheRecord() {
    List<NormalizedEvent> events = sample("purview-audit-search.csv");

    assertThat(events).hasSize(3).allSatisfy(e -> assertThat(e.source()).isEqualTo(M365AuditSource.ID));
    NormalizedEvent login = events.get(0);
    assertThat(login.field("Operation")).isEqualTo("UserLoggedIn");
    assertThat(login.field("ExtendedProperties.Value")).isEqualTo("Redirect");
    assertThat(login.raw().get("RecordType")).isEqualTo(15L); // AuditData's number, not the CSV's name
    assertThat(login.src().userAgent()).contains("Firefox/125.0");
    assertThat(login.time()).isEqualTo("2024-05-01T12:10:02Z");
    assertThat(events.get(2).src().ip()).isEqualTo("2001:db8::45");
  }

  @Test
  void read_searchUnifiedAuditLogCsv_skipsTypeLineAndReadsRows() {
    List<NormalizedEvent> events = sample("search-unifiedauditlog.csv");

    assertThat(events).extracting(e -> e.api().operation()).containsExactly("Set-Mailbox", "Set-Mailbox");
    assertThat(events.get(1).field("Parameters.Name")).isEqualTo("Identity");
    assertThat(events.get(1).time()).isEqualTo("2024-05-01T12:25:31Z");
  }

  @Test
  void read_auditDataThatIsNotJson_isReportedAndTheRestRead() {
    String csv = "\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\"\n"
        + "\"2024-05-01T10:00:00Z\",\"a@x.example\",\"FileAccessed\",\"{not json\"\n"
        + "\"2024-05-01T10:01:00Z\",\"a@x.example\",\"FileAccessed\",\"{\"\"Operation\"\":\"\"FileAccessed\"\",\"\"Workload\"\":\"\"SharePoint\"\"}\"\n";
    SourceTesting.Read r = SourceTesting.read("export.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo("2024-05-01T10:01:00Z"); // from CreationDate: AuditData has no CreationTime
      assertThat(e.actor().userName()).isEqualTo("a@x.example");
    });
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_JSON);
      assertThat(p.line()).isEqualTo(2);
    });
  }

  @Test
  void read_searchUnifiedAuditLogJson_powerShellDatesAndAuditDataText() {
    String json = "[{\"RecordType\":\"SharePointFileOperation\",\"CreationDate\":\"/Date(1714557600000)/\","
        + "\"UserIds\":\"a@x.example\",\"Operations\":\"FileDownloaded\",\"AuditData\":\"{\\\"Workload\\\":\\\"OneDrive\\\"}\"}]";
    SourceTesting.Read r = SourceTesting.read("search.json", json.getBytes(StandardCharsets.UTF_8));

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo("2024-05-01T10:00:00Z");
      assertThat(e.api().operation()).isEqualTo("FileDownloaded");
      assertThat(e.api().service()).isEqualTo("OneDrive");
    });
  }

  @Test
  void read_sentinelOfficeActivity_workloadAndParametersForRules() {
    String row = "{\"TenantId\":\"0c7a6f5e\",\"TimeGenerated\":\"2024-05-01T12:00:07.123Z\",\"OfficeWorkload\":\"Exchange\","
        + "\"RecordType\":\"ExchangeAdmin\",\"Operation\":\"Set-InboxRule\",\"UserId\":\"alice@contoso-lab.example\","
        + "\"ClientIP\":\"203.0.113.45:51234\",\"OfficeId\":\"9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a\","
        + "\"Parameters\":\"[{\\\"Name\\\":\\\"RedirectTo\\\",\\\"Value\\\":\\\"x@attacker.example\\\"}]\",\"Type\":\"OfficeActivity\"}";
    SourceTesting.Read r = SourceTesting.read("office.jsonl", (row + "\n").getBytes(StandardCharsets.UTF_8));

    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(M365AuditSource.ID);
      assertThat(e.field("Workload")).isEqualTo("Exchange");
      assertThat(e.field("Parameters.Name")).isEqualTo("RedirectTo");
      assertThat(e.id()).isEqualTo("9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a");
      assertThat(e.time()).isEqualTo("2024-05-01T12:00:07.123Z");
      assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    });
  }

  @Test
  void clientIp_portsAndBracketsRemoved() {
    assertThat(M365AuditSource.clientIp("198.51.100.7:443")).isEqualTo("198.51.100.7");
    assertThat(M365AuditSource.clientIp("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
    assertThat(M365AuditSource.clientIp("2001:db8::1")).isEqualTo("2001:db8::1");
    assertThat(M365AuditSource.clientIp("::ffff:198.51.100.7")).isEqualTo("::ffff:198.51.100.7");
    assertThat(M365AuditSource.clientIp("[")).isNull();
    assertThat(M365AuditSource.clientIp("")).isNull();
  }
}
