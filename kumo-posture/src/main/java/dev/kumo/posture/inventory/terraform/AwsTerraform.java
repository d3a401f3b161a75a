package dev.kumo.posture.inventory.terraform;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.aws.Ec2Rules;
import dev.kumo.posture.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps Terraform AWS provider resources to inventory kinds and facts ({@code docs/posture-facts.md}), in two
 * passes: resources first, then the settings resources joined to them (S3 bucket settings, security group
 * rules, role policy attachments, flow logs...).
 */
final class AwsTerraform {
  /** Settings resources: joined to another resource, never resources of their own. */
  static final Set<String> SETTINGS = Set.of("aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning",
      "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_logging", "aws_s3_bucket_acl",
      "aws_s3_bucket_policy", "aws_s3_bucket_object_lock_configuration", "aws_s3_bucket_lifecycle_configuration",
      "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
      "aws_snapshot_create_volume_permission", "aws_ami_launch_permission", "aws_flow_log",
      "aws_iam_role_policy_attachment", "aws_iam_role_policy", "aws_iam_user_policy_attachment",
      "aws_iam_user_policy", "aws_config_configuration_recorder_status", "aws_backup_vault_lock_configuration",
      "aws_lambda_permission", "aws_lambda_function_url", "aws_ecr_repository_policy");

  private final String file;
  private final TfDocument doc;
  private final Joins joins;
  private final List<InventoryProblem> problems;
  private final String fileAccount;

  AwsTerraform(String file, TfDocument doc, Joins joins, List<InventoryProblem> problems, String fileAccount) {
    this.file = file;
    this.doc = doc;
    this.joins = joins;
    this.problems = problems;
    this.fileAccount = fileAccount;
  }

  /** The ARN's account, or "". */
  static String arnAccount(@Nullable String arn) {
    String[] p = arn == null ? new String[0] : arn.split(":", 6);
    return p.length >= 5 && p[0].equals("arn") ? p[4] : "";
  }

  private static String arnRegion(@Nullable String arn) {
    String[] p = arn == null ? new String[0] : arn.split(":", 6);
    return p.length >= 4 && p[0].equals("arn") ? p[3] : "";
  }

  private Draft draft(TfResource r, String kind, @Nullable String arn, @Nullable String name, boolean global) {
    String id = arn;
    String account = arnAccount(arn);
    if (account.isEmpty()) {
      account = fileAccount;
    }
    String region = "";
    if (!global) {
      region = arnRegion(arn);
      if (region.isEmpty()) {
        String own = r.text("region");
        String p = doc.region(r.providerKey(), "aws");
        region = own != null ? own : p == null ? "" : p;
      }
    }
    return new Draft(r, Provider.AWS, kind, id != null ? id : r.address(), name != null ? name : r.address(),
        account, region, file);
  }

  /** Maps a resource; null when the type is a settings resource or not known here. */
  @Nullable Draft primary(TfResource r) {
    String arn = r.text("arn");
    Draft d;
    switch (r.type()) {
      case "aws_s3_bucket" -> {
        String bucket = r.text("bucket");
        d = draft(r, "aws.s3.bucket", arn != null ? arn : bucket != null ? "arn:aws:s3:::" + bucket : null,
            bucket, false);
        JsonObject v = r.block("versioning");
        if (v != null && v.get("enabled") instanceof Boolean on) {
          d.put("versioning", on ? "Enabled" : "Disabled");
          d.put("mfa_delete", v.get("mfa_delete") instanceof Boolean m ? m : null);
        }
        if (r.bool("object_lock_enabled") != null) {
          d.put("object_lock", r.bool("object_lock_enabled"));
        }
        JsonObject sse = r.block("server_side_encryption_configuration");
        if (sse != null) {
          d.put("encryption", sseAlgorithm(sse));
        }
        String acl = r.text("acl");
        if (acl != null) {
          d.put("acl_grants", cannedGrants(acl));
        } else if (r.value("grant") != null) {
          d.put("acl_grants", bucketGrants(r.blocks("grant")));
        }
        if (r.value("logging") != null) {
          d.put("access_logging", !r.blocks("logging").isEmpty());
        }
        if (r.value("lifecycle_rule") != null) {
          d.put("lifecycle_rules", r.blocks("lifecycle_rule").stream()
              .filter(l -> Boolean.TRUE.equals(l.get("enabled"))).count());
        }
        if (r.text("policy") != null) {
          putBucketPolicy(d, r, r.text("policy"));
        }
        joins.add(d, bucket, r.text("id"), arn);
      }
      case "aws_s3_account_public_access_block" -> {
        String account = r.text("account_id") != null ? r.text("account_id") : fileAccount;
        d = draft(r, "aws.s3.account_settings", account.isEmpty() ? null : "arn:aws:s3:::account/" + account,
            account.isEmpty() ? null : account, true);
        d.account = account;
        putBlockPublicAccess(d, r);
        joins.add(d);
      }
      case "aws_security_group", "aws_default_security_group" -> {
        d = draft(r, "aws.ec2.security_group", arn, r.text("name"), false);
        d.put("group_name", r.type().equals("aws_default_security_group") ? "default" : r.text("name"));
        d.put("vpc_id", r.text("vpc_id"));
        String self = r.text("id");
        if (r.value("ingress") != null) {
          d.put("ingress", sgRules(r.blocks("ingress"), self));
        }
        if (r.value("egress") != null) {
          d.put("egress", sgRules(r.blocks("egress"), self));
        }
        joins.add(d, self, arn);
      }
      case "aws_network_acl", "aws_default_network_acl" -> {
        d = draft(r, "aws.ec2.network_acl", arn, r.text("id"), false);
        d.put("vpc_id", r.text("vpc_id"));
        d.put("is_default", r.type().equals("aws_default_network_acl"));
        if (r.value("ingress") != null) {
          d.put("ingress", naclRules(r.blocks("ingress")));
        }
        if (r.value("egress") != null) {
          d.put("egress", naclRules(r.blocks("egress")));
        }
        joins.add(d, r.text("id"));
      }
      case "aws_instance" -> {
        d = draft(r, "aws.ec2.instance", arn, tagName(r), false);
        d.put("state", r.text("instance_state"));
        d.put("instance_type", r.text("instance_type"));
        d.put("image_id", r.text("ami"));
        d.put("subnet_id", r.text("subnet_id"));
        JsonObject md = r.block("metadata_options");
        if (md != null) {
          d.put("imds_http_tokens", md.get("http_tokens") instanceof String s && !s.isEmpty() ? s : null);
          d.put("imds_endpoint", md.get("http_endpoint") instanceof String s && !s.isEmpty() ? s : null);
        }
        String ip = r.string("public_ip");
        if (ip != null) {
          d.put("public_ip", ip.isEmpty() ? null : ip);
          d.put("has_public_ip", !ip.isEmpty());
        } else if (Boolean.FALSE.equals(r.bool("associate_public_ip_address"))) {
          d.put("has_public_ip", false);
        } else if (Boolean.TRUE.equals(r.bool("associate_public_ip_address"))) {
          d.put("has_public_ip", true);
        }
        d.put("instance_profile", r.text("iam_instance_profile"));
        d.put("security_groups", r.strings("vpc_security_group_ids"));
        d.put("detailed_monitoring", r.bool("monitoring"));
        joins.add(d, r.text("id"));
      }
      case "aws_ebs_volume" -> {
        d = draft(r, "aws.ec2.volume", arn, tagName(r), false).put("encrypted", r.bool("encrypted"));
        joins.add(d, r.text("id"));
      }
      case "aws_ebs_snapshot", "aws_ebs_snapshot_copy" -> {
        d = draft(r, "aws.ec2.snapshot", arn, tagName(r), false).put("encrypted", r.bool("encrypted"));
        joins.add(d, r.text("id"));
      }
      case "aws_ami", "aws_ami_copy", "aws_ami_from_instance" -> {
        d = draft(r, "aws.ec2.image", arn, r.text("name"), false);
        joins.add(d, r.text("id"));
      }
      case "aws_vpc", "aws_default_vpc" -> {
        d = draft(r, "aws.ec2.vpc", arn, tagName(r), false);
        d.put("is_default", r.type().equals("aws_default_vpc"));
        joins.add(d, r.text("id"));
      }
      case "aws_ebs_encryption_by_default" -> {
        String region = doc.region(r.providerKey(), "aws");
        String acct = fileAccount;
        d = draft(r, "aws.ec2.region_settings", region != null && !acct.isEmpty()
            ? "arn:aws:ec2:" + region + ":" + acct + ":settings" : null, "ebs-encryption-by-default", false);
        d.put("ebs_encryption_by_default", r.bool("enabled"));
        joins.add(d);
      }
      case "aws_db_instance" -> {
        d = draft(r, "aws.rds.instance", arn, r.text("identifier"), false);
        d.put("publicly_accessible", r.bool("publicly_accessible")).put("encrypted", r.bool("storage_encrypted"))
            .put("deletion_protection", r.bool("deletion_protection")).put("multi_az", r.bool("multi_az"))
            .put("auto_minor_version_upgrade", r.bool("auto_minor_version_upgrade"))
            .put("backup_retention_days", r.number("backup_retention_period")).put("engine", r.text("engine"));
        joins.add(d, r.text("id"));
      }
      case "aws_db_snapshot" -> {
        d = draft(r, "aws.rds.snapshot", r.text("db_snapshot_arn"), r.text("db_snapshot_identifier"), false);
        d.put("encrypted", r.bool("encrypted"));
        List<String> shared = r.strings("shared_accounts");
        if (shared != null) {
          d.put("public", shared.contains("all"));
          d.put("shared_with", shared.stream().filter(s -> !s.equals("all")).sorted().toList());
        }
        joins.add(d);
      }
      case "aws_redshift_cluster" -> {
        d = draft(r, "aws.redshift.cluster", arn, r.text("cluster_identifier"), false);
        d.put("publicly_accessible", r.bool("publicly_accessible")).put("encrypted", r.bool("encrypted"));
        JsonObject log = r.block("logging");
        if (log != null && log.get("enable") instanceof Boolean b) {
          d.put("logging", b);
        }
        joins.add(d);
      }
      case "aws_iam_user" -> {
        d = draft(r, "aws.iam.user", arn, r.text("name"), true);
        joins.add(d, r.text("name"), arn);
      }
      case "aws_iam_role" -> {
        d = draft(r, "aws.iam.role", arn, r.text("name"), true);
        d.put("trust_policy", policy(r, "assume_role_policy", r.text("assume_role_policy")));
        List<String> managed = r.strings("managed_policy_arns");
        d.put("attached_policies", managed == null ? null : managed.stream().sorted().toList());
        List<PolicyDocument> inline = new ArrayList<>();
        for (JsonObject p : r.blocks("inline_policy")) {
          if (p.get("policy") instanceof String s && !s.isEmpty()) {
            PolicyDocument pd = policy(r, "inline_policy", s);
            if (pd != null) {
              inline.add(pd);
            }
          }
        }
        if (!inline.isEmpty()) {
          d.put("inline_policies", inline);
        }
        joins.add(d, r.text("name"), arn);
      }
      case "aws_iam_policy" -> {
        d = draft(r, "aws.iam.policy", arn, r.text("name"), true);
        d.put("document", policy(r, "policy", r.text("policy"))).put("aws_managed", false);
        joins.add(d, arn);
      }
      case "aws_iam_account_password_policy" -> {
        d = draft(r, "aws.iam.password_policy", fileAccount.isEmpty() ? null
            : "arn:aws:iam::" + fileAccount + ":password-policy", "password-policy", true);
        d.put("present", true).put("minimum_length", r.number("minimum_password_length"))
            .put("reuse_prevention", r.number("password_reuse_prevention")).put("max_age_days", r.number("max_password_age"))
            .put("require_symbols", r.bool("require_symbols")).put("require_numbers", r.bool("require_numbers"))
            .put("require_uppercase", r.bool("require_uppercase_characters"))
            .put("require_lowercase", r.bool("require_lowercase_characters"));
        joins.add(d);
      }
      case "aws_iam_instance_profile" -> {
        d = draft(r, "aws.iam.instance_profile", arn, r.text("name"), true);
        joins.add(d, r.text("name"), arn);
      }
      case "aws_cloudtrail" -> {
        d = draft(r, "aws.cloudtrail.trail", arn, r.text("name"), false);
        trail(d, r);
        joins.add(d, arn, r.text("name"));
      }
      case "aws_config_configuration_recorder" -> {
        d = draft(r, "aws.config.recorder", null, r.text("name"), false);
        JsonObject rg = r.block("recording_group");
        if (rg != null) {
          d.put("all_supported", rg.get("all_supported") instanceof Boolean b ? b : null);
          d.put("include_global", rg.get("include_global_resource_types") instanceof Boolean b ? b : null);
        }
        joins.add(d, r.text("name"));
      }
      case "aws_guardduty_detector" -> {
        d = draft(r, "aws.guardduty.detector", arn, r.text("id"), false).put("enabled", r.bool("enable"));
        joins.add(d, r.text("id"));
      }
      case "aws_securityhub_account" -> {
        d = draft(r, "aws.securityhub.hub", arn, "securityhub", false).put("enabled", true);
        joins.add(d);
      }
      case "aws_kms_key" -> {
        d = draft(r, "aws.kms.key", arn, r.text("key_id"), false);
        d.put("key_manager", "CUSTOMER").put("rotation_enabled", r.bool("enable_key_rotation"));
        if (r.bool("is_enabled") != null) {
          d.put("key_state", r.bool("is_enabled") ? "Enabled" : "Disabled");
        }
        d.put("policy", policy(r, "policy", r.text("policy")));
        joins.add(d, r.text("key_id"), arn);
      }
      case "aws_backup_vault" -> {
        d = draft(r, "aws.backup.vault", arn, r.text("name"), false);
        joins.add(d, r.text("name"), arn);
      }
      case "aws_backup_plan" -> {
        d = draft(r, "aws.backup.plan", arn, r.text("name"), false);
        if (r.value("rule") != null) {
          d.put("rules", (long) r.blocks("rule").size());
        }
        joins.add(d);
      }
      case "aws_budgets_budget" -> {
        d = draft(r, "aws.budgets.budget", arn, r.text("name"), true);
        d.put("budget_type", r.text("budget_type"));
        if (r.value("notification") != null) {
          d.put("has_notifications", !r.blocks("notification").isEmpty());
        }
        joins.add(d);
      }
      case "aws_cloudwatch_metric_alarm" -> {
        d = draft(r, "aws.cloudwatch.alarm", arn, r.text("alarm_name"), false);
        d.put("metric_name", r.text("metric_name")).put("namespace", r.text("namespace"))
            .put("actions_enabled", r.bool("actions_enabled"));
        joins.add(d);
      }
      case "aws_lambda_function" -> {
        d = draft(r, "aws.lambda.function", arn, r.text("function_name"), false);
        d.put("role", r.text("role")).put("runtime", r.text("runtime"));
        joins.add(d, r.text("function_name"), arn);
      }
      case "aws_eks_cluster" -> {
        d = draft(r, "aws.eks.cluster", arn, r.text("name"), false);
        JsonObject vpc = r.block("vpc_config");
        if (vpc != null) {
          d.put("endpoint_public", vpc.get("endpoint_public_access") instanceof Boolean b ? b : null);
          d.put("public_access_cidrs", ExportJson.strings(vpc.get("public_access_cidrs")));
        }
        List<String> logs = r.strings("enabled_cluster_log_types");
        d.put("logging_types", logs == null ? null : logs.stream().sorted().toList());
        if (r.value("encryption_config") != null) {
          d.put("secrets_encrypted", r.blocks("encryption_config").stream()
              .anyMatch(e -> {
                List<String> res = ExportJson.strings(e.get("resources"));
                return res != null && res.contains("secrets");
              }));
        }
        joins.add(d);
      }
      case "aws_ecr_repository" -> {
        d = draft(r, "aws.ecr.repository", arn, r.text("name"), false);
        JsonObject scan = r.block("image_scanning_configuration");
        if (scan != null) {
          d.put("scan_on_push", scan.get("scan_on_push") instanceof Boolean b ? b : null);
        }
        if (r.text("image_tag_mutability") != null) {
          d.put("immutable_tags", r.text("image_tag_mutability").startsWith("IMMUTABLE"));
        }
        joins.add(d, r.text("name"));
      }
      default -> d = null;
    }
    return d;
  }

  /** Applies a settings resource to the resource it belongs to. */
  void join(TfResource r) {
    Draft d;
    switch (r.type()) {
      case "aws_s3_bucket_public_access_block" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          putBlockPublicAccess(d, r);
        }
      }
      case "aws_s3_bucket_versioning" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          JsonObject v = r.block("versioning_configuration");
          if (v != null) {
            d.put("versioning", v.get("status") instanceof String s && !s.isEmpty() ? s : null);
            d.put("mfa_delete", v.get("mfa_delete") instanceof String m ? m.equals("Enabled") : null);
          }
        }
      }
      case "aws_s3_bucket_server_side_encryption_configuration" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          d.put("encryption", sseAlgorithm(r.values()));
        }
      }
      case "aws_s3_bucket_logging" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          d.put("access_logging", true);
        }
      }
      case "aws_s3_bucket_acl" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          d.put("acl_grants", aclGrants(r));
        }
      }
      case "aws_s3_bucket_policy" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          putBucketPolicy(d, r, r.text("policy"));
        }
      }
      case "aws_s3_bucket_lifecycle_configuration" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null && r.value("rule") != null) {
          d.put("lifecycle_rules", r.blocks("rule").stream().filter(l -> "Enabled".equals(l.get("status"))).count());
        }
      }
      case "aws_s3_bucket_object_lock_configuration" -> {
        if ((d = joins.find("aws.s3.bucket", r, "bucket")) != null) {
          d.put("object_lock", true);
        }
      }
      case "aws_security_group_rule" -> {
        if ((d = joins.find("aws.ec2.security_group", r, "security_group_id")) != null) {
          String dir = "egress".equals(r.text("type")) ? "egress" : "ingress";
          List<String> src = new ArrayList<>();
          addAll(src, r.strings("cidr_blocks"));
          addAll(src, r.strings("ipv6_cidr_blocks"));
          addAll(src, r.strings("prefix_list_ids"));
          if (r.text("source_security_group_id") != null) {
            src.add(r.text("source_security_group_id"));
          }
          if (Boolean.TRUE.equals(r.bool("self")) && d.tf.text("id") != null) {
            src.add(d.tf.text("id"));
          }
          addRules(d, dir, rules(r.text("protocol"), r.number("from_port"), r.number("to_port"), src));
        }
      }
      case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" -> {
        if ((d = joins.find("aws.ec2.security_group", r, "security_group_id")) != null) {
          List<String> src = new ArrayList<>();
          for (String a : List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id")) {
            if (r.text(a) != null) {
              src.add(r.text(a));
            }
          }
          addRules(d, r.type().contains("ingress") ? "ingress" : "egress",
              rules(r.text("ip_protocol"), r.number("from_port"), r.number("to_port"), src));
        }
      }
      case "aws_snapshot_create_volume_permission" -> {
        if ((d = joins.find("aws.ec2.snapshot", r, "snapshot_id")) != null && r.text("account_id") != null) {
          addString(d, "shared_with", r.text("account_id"));
        }
      }
      case "aws_ami_launch_permission" -> {
        if ((d = joins.find("aws.ec2.image", r, "image_id")) != null) {
          if ("all".equals(r.text("group"))) {
            d.put("public", true);
          }
          if (r.text("account_id") != null) {
            addString(d, "shared_with", r.text("account_id"));
          }
        }
      }
      case "aws_flow_log" -> {
        if (r.text("vpc_id") != null || !r.references("vpc_id").isEmpty() || r.isUnknown("vpc_id")) {
          if ((d = joins.find("aws.ec2.vpc", r, "vpc_id")) != null) {
            d.put("flow_logs", true);
          }
        }
      }
      case "aws_iam_role_policy_attachment" -> {
        if ((d = joins.find("aws.iam.role", r, "role")) != null && r.text("policy_arn") != null) {
          addString(d, "attached_policies", r.text("policy_arn"));
        }
      }
      case "aws_iam_user_policy_attachment" -> {
        if ((d = joins.find("aws.iam.user", r, "user")) != null && r.text("policy_arn") != null) {
          addString(d, "attached_policies", r.text("policy_arn"));
        }
      }
      case "aws_iam_role_policy", "aws_iam_user_policy" -> {
        String kind = r.type().equals("aws_iam_role_policy") ? "aws.iam.role" : "aws.iam.user";
        if ((d = joins.find(kind, r, kind.equals("aws.iam.role") ? "role" : "user")) != null) {
          PolicyDocument p = policy(r, "policy", r.text("policy"));
          if (p != null) {
            List<PolicyDocument> all = new ArrayList<>(listOf(d, "inline_policies", PolicyDocument.class));
            all.add(p);
            d.put("inline_policies", all);
          }
        }
      }
      case "aws_config_configuration_recorder_status" -> {
        if ((d = joins.find("aws.config.recorder", r, "name")) != null) {
          d.put("recording", r.bool("is_enabled"));
        }
      }
      case "aws_backup_vault_lock_configuration" -> {
        if ((d = joins.find("aws.backup.vault", r, "backup_vault_name")) != null) {
          d.put("locked", true).put("min_retention_days", r.number("min_retention_days"));
        }
      }
      case "aws_lambda_permission" -> {
        if ((d = joins.find("aws.lambda.function", r, "function_name")) != null && r.text("principal") != null) {
          String stmt = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
              + (r.text("principal").equals("*") ? "\"*\"" : "{\"Service\":\"" + jsonEscape(r.text("principal")) + "\"}")
              + ",\"Action\":\"" + jsonEscape(r.text("action") == null ? "lambda:InvokeFunction" : r.text("action"))
              + "\",\"Resource\":\"*\"}]}";
          PolicyDocument add = PolicyDocument.parse(stmt);
          PolicyDocument old = d.facts.has("policy") ? d.build().facts().policy("policy") : null;
          List<dev.kumo.posture.policy.PolicyStatement> st = new ArrayList<>();
          if (old != null) {
            st.addAll(old.statements());
          }
          st.addAll(add.statements());
          d.put("policy", new PolicyDocument(st));
        }
      }
      case "aws_lambda_function_url" -> {
        if ((d = joins.find("aws.lambda.function", r, "function_name")) != null) {
          d.put("url_auth_type", r.text("authorization_type"));
        }
      }
      case "aws_ecr_repository_policy" -> {
        if ((d = joins.find("aws.ecr.repository", r, "repository")) != null) {
          d.put("policy", policy(r, "policy", r.text("policy")));
        }
      }
      default -> { }
    }
  }

  /** After joins: instance profiles on roles, and VPCs without flow logs that are surely without. */
  void finish(boolean unjoinedFlowLogs) {
    for (Draft d : joins.drafts()) {
      if (d.kind.equals("aws.iam.instance_profile") && d.tf.text("role") != null) {
        Draft role = joins.quiet("aws.iam.role", d.tf, "role");
        if (role != null && d.tf.text("arn") != null) {
          addString(role, "instance_profiles", d.tf.text("arn"));
        }
      }
      if (d.kind.equals("aws.ec2.vpc") && !d.facts.has("flow_logs") && doc.plan() && !unjoinedFlowLogs
          && doc.created().contains(d.tf.address())) {
        d.put("flow_logs", false);
      }
    }
    for (Draft d : joins.drafts()) {
      if (d.kind.equals("aws.ec2.instance") && d.tf.text("iam_instance_profile") != null) {
        Draft p = joins.quiet("aws.iam.instance_profile", d.tf, "iam_instance_profile");
        if (p != null && p.tf.text("arn") != null) {
          d.put("instance_profile", p.tf.text("arn"));
        }
      }
    }
  }

  private void trail(Draft d, TfResource r) {
    d.put("multi_region", r.bool("is_multi_region_trail")).put("log_validation", r.bool("enable_log_file_validation"))
        .put("organization_trail", r.bool("is_organization_trail")).put("logging", r.bool("enable_logging"))
        .put("kms_key", r.text("kms_key_id")).put("home_region", r.text("home_region"));
    if (r.string("cloud_watch_logs_group_arn") != null) {
      d.put("cloudwatch_logs", r.text("cloud_watch_logs_group_arn") != null);
    }
    if (r.value("event_selector") == null && r.value("advanced_event_selector") == null) {
      return;
    }
    List<String> s3 = new ArrayList<>();
    List<String> lambda = new ArrayList<>();
    boolean management = r.blocks("event_selector").isEmpty() && r.blocks("advanced_event_selector").isEmpty();
    for (JsonObject es : r.blocks("event_selector")) {
      if (!Boolean.FALSE.equals(es.get("include_management_events"))) {
        management = true;
      }
      for (JsonObject dr : TfResource.blocks(es.get("data_resource"))) {
        List<String> values = ExportJson.strings(dr.get("values"));
        String type = dr.get("type") instanceof String t ? t : "";
        for (String v : values == null ? List.<String>of() : values) {
          String scope = v.equals("arn:aws:s3:::") || v.equals("arn:aws:s3") ? "arn:aws:s3"
              : v.equals("arn:aws:lambda") ? "arn:aws:lambda" : v;
          (type.equals("AWS::Lambda::Function") ? lambda : s3).add(scope);
        }
      }
    }
    for (JsonObject as : r.blocks("advanced_event_selector")) {
      String category = "";
      String type = "";
      List<String> prefixes = new ArrayList<>();
      for (JsonObject f : TfResource.blocks(as.get("field_selector"))) {
        List<String> eq = ExportJson.strings(f.get("equals"));
        String field = f.get("field") instanceof String s ? s : "";
        if (field.equals("eventCategory") && eq != null && !eq.isEmpty()) {
          category = eq.get(0);
        } else if (field.equals("resources.type") && eq != null && !eq.isEmpty()) {
          type = eq.get(0);
        } else if (field.equals("resources.ARN")) {
          addAll(prefixes, ExportJson.strings(f.get("starts_with")));
          addAll(prefixes, eq);
        }
      }
      if (category.equals("Management")) {
        management = true;
      } else if (category.equals("Data")) {
        String all = type.equals("AWS::Lambda::Function") ? "arn:aws:lambda" : "arn:aws:s3";
        List<String> target = type.equals("AWS::Lambda::Function") ? lambda : type.equals("AWS::S3::Object") ? s3 : null;
        if (target != null) {
          target.addAll(prefixes.isEmpty() ? List.of(all) : prefixes);
        }
      }
    }
    d.put("management_events", management);
    d.put("s3_data_events", s3.stream().distinct().sorted().toList());
    d.put("lambda_data_events", lambda.stream().distinct().sorted().toList());
  }

  private void putBucketPolicy(Draft d, TfResource r, @Nullable String text) {
    PolicyDocument p = policy(r, "policy", text);
    if (p != null) {
      d.put("policy", p).put("has_policy", true);
    }
  }

  private @Nullable PolicyDocument policy(TfResource r, String attr, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return PolicyDocument.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new InventoryProblem(file, r.address() + "." + attr, e.getMessage()));
      return null;
    }
  }

  private static void putBlockPublicAccess(Draft d, TfResource r) {
    for (String f : List.of("block_public_acls", "ignore_public_acls", "block_public_policy",
        "restrict_public_buckets")) {
      d.put(f, r.bool(f));
    }
  }

  private static @Nullable String sseAlgorithm(JsonObject sse) {
    for (JsonObject rule : TfResource.blocks(sse.get("rule"))) {
      for (JsonObject def : TfResource.blocks(rule.get("apply_server_side_encryption_by_default"))) {
        if (def.get("sse_algorithm") instanceof String a && !a.isEmpty()) {
          return a;
        }
      }
    }
    return null;
  }

  static List<String> cannedGrants(String acl) {
    return switch (acl) {
      case "public-read" -> List.of("AllUsers:READ");
      case "public-read-write" -> List.of("AllUsers:READ", "AllUsers:WRITE");
      case "authenticated-read" -> List.of("AuthenticatedUsers:READ");
      case "log-delivery-write" -> List.of("LogDelivery:READ_ACP", "LogDelivery:WRITE");
      default -> List.of();
    };
  }

  private static List<String> aclGrants(TfResource r) {
    List<String> out = new ArrayList<>();
    if (r.text("acl") != null) {
      out.addAll(cannedGrants(r.text("acl")));
    }
    JsonObject acp = r.block("access_control_policy");
    if (acp != null) {
      for (JsonObject g : TfResource.blocks(acp.get("grant"))) {
        String perm = g.get("permission") instanceof String p ? p : "";
        for (JsonObject who : TfResource.blocks(g.get("grantee"))) {
          String uri = who.get("uri") instanceof String u ? u : "";
          String grantee = uri.endsWith("/AllUsers") ? "AllUsers" : uri.endsWith("/AuthenticatedUsers")
              ? "AuthenticatedUsers" : uri.endsWith("/LogDelivery") ? "LogDelivery"
              : who.get("id") instanceof String id && !id.isEmpty() ? id
              : who.get("email_address") instanceof String e ? e : uri;
          out.add(grantee + ":" + perm);
        }
      }
    }
    return out.stream().distinct().sorted().toList();
  }

  /** The {@code grant} blocks the bucket resource reads back from AWS. */
  private static List<String> bucketGrants(List<JsonObject> grants) {
    List<String> out = new ArrayList<>();
    for (JsonObject g : grants) {
      String uri = g.get("uri") instanceof String u ? u : "";
      String grantee = uri.endsWith("/AllUsers") ? "AllUsers" : uri.endsWith("/AuthenticatedUsers")
          ? "AuthenticatedUsers" : uri.endsWith("/LogDelivery") ? "LogDelivery"
          : g.get("id") instanceof String id && !id.isEmpty() ? id : uri;
      List<String> perms = ExportJson.strings(g.get("permissions"));
      for (String p : perms == null ? List.<String>of() : perms) {
        out.add(grantee + ":" + p);
      }
    }
    return out.stream().distinct().sorted().toList();
  }

  private static List<NetworkRule> sgRules(List<JsonObject> blocks, @Nullable String self) {
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject b : blocks) {
      List<String> src = new ArrayList<>();
      addAll(src, ExportJson.strings(b.get("cidr_blocks")));
      addAll(src, ExportJson.strings(b.get("ipv6_cidr_blocks")));
      addAll(src, ExportJson.strings(b.get("prefix_list_ids")));
      addAll(src, ExportJson.strings(b.get("security_groups")));
      if (Boolean.TRUE.equals(b.get("self")) && self != null) {
        src.add(self);
      }
      out.addAll(rules(b.get("protocol") instanceof String p ? p : null, TfResource.number(b.get("from_port")),
          TfResource.number(b.get("to_port")), src));
    }
    return out;
  }

  /** One rule per source, as the facts document asks. */
  private static List<NetworkRule> rules(@Nullable String protocol, @Nullable Long from, @Nullable Long to,
      List<String> sources) {
    String proto = protocol(protocol);
    boolean all = proto.equals("all");
    int f = all || from == null || from < 0 ? 0 : from.intValue();
    int t = all || to == null || to < 0 ? 65535 : to.intValue();
    return Ec2Rules.perSource(proto, f, t, sources);
  }

  private static String protocol(@Nullable String p) {
    String s = p == null ? "all" : p.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "-1", "all", "" -> "all";
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1", "58", "icmpv6" -> "icmp";
      default -> s;
    };
  }

  private static List<NetworkRule> naclRules(List<JsonObject> blocks) {
    List<NetworkRule> out = new ArrayList<>();
    for (JsonObject b : blocks) {
      List<String> src = new ArrayList<>();
      for (String k : List.of("cidr_block", "ipv6_cidr_block")) {
        if (b.get(k) instanceof String s && !s.isEmpty()) {
          src.add(s);
        }
      }
      String proto = protocol(b.get("protocol") instanceof String p ? p : null);
      boolean allow = !"deny".equals(b.get("action"));
      Long no = TfResource.number(b.get("rule_no"));
      int priority = no == null ? 0 : no.intValue();
      Long from = TfResource.number(b.get("from_port"));
      Long to = TfResource.number(b.get("to_port"));
      boolean all = proto.equals("all");
      out.add(new NetworkRule(allow, proto, all || from == null ? 0 : from.intValue(),
          all || to == null || to == 0 && (from == null || from == 0) ? 65535 : to.intValue(), src, priority));
    }
    return out;
  }

  private void addRules(Draft d, String dir, List<NetworkRule> add) {
    List<NetworkRule> all = new ArrayList<>(listOf(d, dir, NetworkRule.class));
    all.addAll(add);
    // in state the group's own ingress/egress already lists rules made by separate rule resources
    d.put(dir, all.stream().distinct().toList());
  }

  private static void addString(Draft d, String fact, String value) {
    List<String> all = new ArrayList<>(listOf(d, fact, String.class));
    if (!all.contains(value)) {
      all.add(value);
    }
    d.put(fact, all.stream().sorted().toList());
  }

  private static <T> List<T> listOf(Draft d, String fact, Class<T> type) {
    List<T> l = d.facts.has(fact) ? d.build().facts().list(fact, type) : null;
    return l == null ? List.of() : l;
  }

  private static void addAll(List<String> to, @Nullable List<String> from) {
    if (from != null) {
      to.addAll(from);
    }
  }

  private static @Nullable String tagName(TfResource r) {
    if (r.value("tags") instanceof JsonObject tags && tags.get("Name") instanceof String n && !n.isEmpty()) {
      return n;
    }
    return r.text("id");
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
