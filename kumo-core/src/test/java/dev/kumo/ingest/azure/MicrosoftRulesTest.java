package dev.kumo.ingest.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SigmaHQ's Azure, Microsoft 365 and Kubernetes rules, and Kumo's Microsoft rules, load, route to
 * the Microsoft sources and fire on real records of each source, and not on benign ones.
 */
class MicrosoftRulesTest {
  private static final Set<String> SOURCES = Set.of(AzureActivitySource.ID, EntraSignInSource.ID, EntraAuditSource.ID,
      EntraRiskDetectionSource.ID, EntraPimAlertSource.ID, AksAuditSource.ID, DefenderAlertSource.ID, "m365.audit");
  private static LoadedRules rules;

  @BeforeAll
  static void load() {
    rules = LoadedRules.load(true, List.of(SharedData.require("sigma/rules"),
        SharedData.require("sigma/rules-threat-hunting")), CompileOptions.defaults());
  }

  private static boolean fires(String ruleFile, NormalizedEvent e) {
    SigmaRule rule = SourceTesting.ruleFromFile(rules, ruleFile);
    return SourceTesting.matchingRuleTitles(rules, e).contains(rule.meta().title());
  }

  /** The events of a Panther test file, in file order, read through the real reader. */
  private static List<NormalizedEvent> pantherEvents(String file) throws IOException {
    SourceTesting.Read r = SourceTesting.read(file, SourceTesting.pantherLogsAsJsonLines(file));
    assertThat(r.problems()).isEmpty();
    return r.events();
  }

  /** Asserts {@code ruleFile} fires on at least one positive case of a Panther rule and on none of its negatives. */
  private static void firesOnPositivesNotNegatives(String pantherFile, String pantherRule, String ruleFile)
      throws IOException {
    List<PantherCase> cases = SourceTesting.pantherCases(pantherFile);
    List<NormalizedEvent> events = pantherEvents(pantherFile);
    int positives = 0;
    for (int i = 0; i < cases.size(); i++) {
      PantherCase c = cases.get(i);
      if (!c.ruleId().equals(pantherRule)) {
        continue;
      }
      boolean fired = fires(ruleFile, events.get(i));
      if (!c.expected()) {
        assertThat(fired).as(ruleFile + " on negative case '" + c.testName() + "'").isFalse();
      } else if (fired) {
        positives++;
      }
    }
    assertThat(positives).as(ruleFile + " on positive cases of " + pantherRule).isPositive();
  }

  @Test
  void everyAzureM365AndKubernetesRule_loadsAndRoutesToAMicrosoftSource() {
    Map<String, Integer> perSource = new TreeMap<>();
    for (SigmaRule r : rules.rules()) {
      String file = r.meta().origin().file().replace('\\', '/');
      boolean ours = file.contains("/cloud/azure/") || file.contains("/cloud/m365/") || file.contains("/kubernetes/");
      if (!ours) {
        continue;
      }
      List<String> sources = new ArrayList<>();
      rules.engine().rules().stream().filter(c -> c.meta() == r.meta()).forEach(c -> sources.add(c.sourceId()));
      // Kubernetes rules also route to the generic kubernetes.audit source
      sources.removeIf("kubernetes.audit"::equals);
      assertThat(sources).as(file).isNotEmpty().allMatch(SOURCES::contains);
      sources.forEach(s -> perSource.merge(s, 1, Integer::sum));
    }
    assertThat(rules.problems()).noneMatch(p -> p.format().contains("/azure/") || p.format().contains("/m365/"));
    assertThat(perSource).containsEntry(AzureActivitySource.ID, 35).containsEntry(EntraAuditSource.ID, 44)
        .containsEntry(EntraSignInSource.ID, 19).containsEntry(EntraRiskDetectionSource.ID, 19)
        .containsEntry(EntraPimAlertSource.ID, 7).containsEntry("m365.audit", 21).containsEntry(AksAuditSource.ID, 16);
  }

  // ---- azure.activity ----

  @Test
  void activity_pantherCases_sigmaHqRulesAgreeWithPanther() throws IOException {
    firesOnPositivesNotNegatives("tests_Azure.MonitorActivity.jsonl.gz",
        "Azure.MonitorActivity.Security.AlertSuppressionRuleCreated", "azure_suppression_rule_created.yml");
    firesOnPositivesNotNegatives("tests_Azure.MonitorActivity.jsonl.gz",
        "Azure.MonitorActivity.RoleAssignment.PrivilegedOrElevated",
        "azure_subscription_permissions_elevation_via_activitylogs.yml");
  }

  @Test
  void activity_eachLayout_firesOnItsAttackRecordOnly() {
    List<NormalizedEvent> hub = Samples.events("azure.activity/eventhub-records.json");
    assertThat(fires("azure_network_security_modified_or_deleted.yml", hub.get(0))).isTrue();
    assertThat(fires("azure_subscription_permissions_elevation_via_activitylogs.yml", hub.get(1))).isTrue();
    assertThat(fires("azure_network_security_modified_or_deleted.yml", hub.get(2))).isFalse();
    assertThat(SourceTesting.matchingRuleTitles(rules, hub.get(2))).isEmpty();

    List<NormalizedEvent> la = Samples.events("azure.activity/log-analytics-azureactivity.json");
    assertThat(fires("azure_aadhybridhealth_adfs_new_server.yml", la.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, la.get(1))).isEmpty();

    NormalizedEvent cli = Samples.events("azure.activity/az-activity-log-list.json").get(0);
    assertThat(fires("azure_new_cloudshell_created.yml", cli)).isTrue();
  }

  // ---- azure.signin ----

  @Test
  void signIn_pantherCases_singleFactorRuleAgreesWithPanther() throws IOException {
    firesOnPositivesNotNegatives("tests_Azure.Audit.jsonl.gz", "Azure.Audit.ROPCLoginNoMFA",
        "azure_ad_only_single_factor_auth_required.yml");
  }

  @Test
  void signIn_eachLayout_firesOnFailureRulesOnlyForTheirCodes() {
    List<NormalizedEvent> storage = Samples.events("azure.signin/signinlogs-storage.json");
    assertThat(fires("azure_account_lockout.yml", storage.get(0))).isTrue();
    assertThat(fires("azure_account_lockout.yml", storage.get(1))).isFalse();
    assertThat(SourceTesting.matchingRuleTitles(rules, storage.get(1))).isEmpty();

    NormalizedEvent blocked = Samples.events("azure.signin/log-analytics-signinlogs.json").get(0);
    assertThat(fires("azure_user_login_blocked_by_conditional_access.yml", blocked)).isTrue();
    assertThat(fires("azure_account_lockout.yml", blocked)).isFalse();

    List<NormalizedEvent> graph = Samples.events("azure.signin/graph-signins.json");
    assertThat(fires("azure_mfa_denies.yml", graph.get(1))).isTrue();
    assertThat(fires("azure_mfa_denies.yml", graph.get(0))).isFalse();
    assertThat(fires("azure_ad_only_single_factor_auth_required.yml", graph.get(0))).isTrue();
    assertThat(fires("azure_ad_only_single_factor_auth_required.yml", graph.get(1))).isFalse();
  }

  // ---- azure.audit ----

  @Test
  void audit_pantherCases_sigmaHqRulesAgreeWithPanther() throws IOException {
    firesOnPositivesNotNegatives("tests_Azure.Audit.jsonl.gz", "Azure.Audit.DomainSettingsModified",
        "azure_federation_modified.yml");
    firesOnPositivesNotNegatives("tests_Azure.Audit.jsonl.gz", "Azure.Audit.PolicyChanged",
        "azure_aad_secops_ca_policy_removedby_bad_actor.yml");
  }

  @Test
  void audit_eachLayout_roleAndPolicyRulesFireOnTheirActivity() {
    List<NormalizedEvent> storage = Samples.events("azure.audit/auditlogs-storage.json");
    assertThat(fires("azure_ad_users_added_to_device_admin_roles.yml", storage.get(0))).isTrue();
    assertThat(fires("azure_ad_user_added_to_admin_role.yml", storage.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, storage.get(1))).isEmpty();

    assertThat(fires("azure_federation_modified.yml", Samples.events("azure.audit/log-analytics-auditlogs.json").get(0)))
        .isTrue();

    List<NormalizedEvent> graph = Samples.events("azure.audit/graph-directoryaudits.json");
    assertThat(fires("azure_aad_secops_ca_policy_removedby_bad_actor.yml", graph.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, graph.get(1))).isEmpty();
  }

  // ---- azure.riskdetection and azure.pim ----

  @Test
  void riskDetection_riskEventTypeRules() {
    List<NormalizedEvent> graph = Samples.events("azure.riskdetection/graph-riskdetections.json");
    assertThat(fires("azure_identity_protection_atypical_travel.yml", graph.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, graph.get(1))).isEmpty();
    assertThat(fires("azure_identity_protection_password_spray.yml",
        Samples.events("azure.riskdetection/userriskevents-storage.json").get(0))).isTrue();
  }

  @Test
  void pim_sigmaHqAndKumoRules_fireOnRaisedAlertsOnly() {
    List<NormalizedEvent> alerts = Samples.events("azure.pim/graph-alerts.json");
    assertThat(fires("azure_pim_too_many_global_admins.yml", alerts.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, alerts.get(1))).isEmpty(); // inactive stale sign-in alert

    List<NormalizedEvent> incidents = Samples.events("azure.pim/graph-alert-incidents.json");
    assertThat(SourceTesting.matchingRuleTitles(rules, incidents.get(0)))
        .containsExactly("Entra ID Privileged Role Assigned Outside PIM");
    assertThat(fires("azure_pim_account_stale.yml", incidents.get(1))).isTrue();
  }

  // ---- azure.aks ----

  @Test
  void aks_kubernetesAuditRules_fireOnAttackEventsNotOnControllerReads() {
    List<NormalizedEvent> events = Samples.events("azure.aks/kube-audit-eventhub.json");
    assertThat(fires("kubernetes_audit_exec_into_container.yml", events.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, events.get(1))).isEmpty();
    assertThat(fires("kubernetes_audit_hostpath_mount.yml", events.get(2))).isTrue();
    assertThat(fires("kubernetes_audit_privileged_pod_creation.yml", events.get(2))).isTrue();
    assertThat(fires("kubernetes_audit_pod_in_system_namespace.yml", events.get(2))).isTrue();
    assertThat(fires("kubernetes_audit_exec_into_container.yml", events.get(2))).isFalse();
    assertThat(fires("kubernetes_audit_secrets_enumeration.yml", events.get(3))).isTrue();
    assertThat(fires("kubernetes_audit_unauthorized_unauthenticated_actions.yml", events.get(3))).isTrue();
    assertThat(fires("kubernetes_audit_rolebinding_modification.yml",
        Samples.events("azure.aks/aksaudit-log-analytics.json").get(0))).isTrue();
  }

  // ---- m365.audit ----

  @Test
  void m365_exchangeForwardingRules_fireOnPantherForwardingNotOnPlasoAdminCmdlets() throws IOException {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_Microsoft365.Audit.Exchange.jsonl.gz");
    List<NormalizedEvent> events = pantherEvents("tests_Microsoft365.Audit.Exchange.jsonl.gz");
    for (int i = 0; i < cases.size(); i++) {
      if (cases.get(i).expected()) { // every positive case forwards mail
        assertThat(fires("microsoft365_susp_email_forwarding_activity.yml", events.get(i))).as(cases.get(i).testName())
            .isTrue();
      }
    }
    SourceTesting.Read plaso = SourceTesting.read(SharedData.require("data/plaso-cloud-test-data/microsoft_audit_log.jsonl"));
    assertThat(plaso.events()).isNotEmpty().allSatisfy(e -> assertThat(SourceTesting.matchingRuleTitles(rules, e)).isEmpty());
  }

  @Test
  void m365_exportLayouts_firesOnTheirAttackRows() {
    List<NormalizedEvent> purview = Samples.events("m365.audit/purview-audit-search.csv");
    assertThat(fires("microsoft365_bypass_conditional_access.yml", purview.get(0))).isTrue();
    assertThat(fires("microsoft365_disabling_mfa.yml", purview.get(1))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, purview.get(2))).isEmpty();

    List<NormalizedEvent> search = Samples.events("m365.audit/search-unifiedauditlog.csv");
    assertThat(SourceTesting.matchingRuleTitles(rules, search.get(0))).isEmpty();
    assertThat(fires("microsoft365_susp_email_forwarding_activity.yml", search.get(1))).isTrue();

    List<NormalizedEvent> api = Samples.events("m365.audit/management-activity-api.json");
    assertThat(fires("microsoft365_susp_inbox_rule_creation_or_update_activity.yml", api.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, api.get(1))).isEmpty();
  }

  // ---- azure.defender ----

  @Test
  void defender_identityAlertRule_matchesPantherPassthroughExactly() throws IOException {
    List<PantherCase> cases = SourceTesting.pantherCases("tests_MicrosoftGraph.SecurityAlertV2.jsonl.gz");
    List<NormalizedEvent> events = pantherEvents("tests_MicrosoftGraph.SecurityAlertV2.jsonl.gz");
    for (int i = 0; i < cases.size(); i++) {
      assertThat(fires("kumo_azure_identity_threat_alert.yml", events.get(i))).as(cases.get(i).testName())
          .isEqualTo(cases.get(i).expected());
    }
  }

  @Test
  void defender_cryptominingRule_firesOnMiningAlertsOnly() {
    List<NormalizedEvent> arm = Samples.events("azure.defender/az-security-alert-list.json");
    assertThat(fires("kumo_azure_defender_cryptomining_alert.yml", arm.get(0))).isTrue();
    assertThat(SourceTesting.matchingRuleTitles(rules, arm.get(1))).isEmpty();
    assertThat(fires("kumo_azure_defender_cryptomining_alert.yml",
        Samples.events("azure.defender/securityalert-log-analytics.json").get(0))).isTrue();
  }
}
