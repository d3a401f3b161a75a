package dev.kumo.posture.inventory.terraform;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the output of {@code terraform show -json} (Terraform 1.x) for a saved plan or for state.
 *
 * <p>A plan is read as what will exist after apply: resources being destroyed are left out, {@code no-op} ones
 * kept, and values unknown until apply leave their fact absent. Settings resources (S3 bucket settings,
 * security group rules, role policy attachments, flow logs, ...) are joined to their resource by the
 * attribute's value, or, when the value is unknown in a plan, by the reference the {@code configuration}
 * writes; one that cannot be joined is a problem. Limits: a reference through a variable, a local or another
 * module cannot be followed; S3 Block Public Access of a bucket without {@code aws_s3_bucket_public_access_block}
 * is left absent (AWS may apply defaults Terraform does not see); {@code flow_logs} is false only for a VPC the
 * plan creates when every flow log of the plan was joined; a snapshot's {@code public} is never set (Terraform
 * cannot express group {@code all} for snapshots).
 *
 * <p>id is the ARN / resource id when known, else the Terraform address; account comes from the resource's ARN,
 * else from the one account all ARNs of the file agree on, else {@code ""}; region from the ARN, the resource's
 * {@code region}, or the constant {@code region} of its provider configuration. Every other {@code aws_*},
 * {@code azurerm_*} and {@code google_*} resource still becomes a resource of kind
 * {@code provider.service.type} derived from its type name, without facts; resources of other providers and
 * data sources are left out.
 */
public final class TerraformReader implements InventoryReader {
  private static final JsonTreeReader JSON = new JsonTreeReader(200, 64 << 20);

  @Override
  public String format() {
    return "terraform";
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    String file = path.toString();
    String text = ExportFiles.text(path);
    List<InventoryProblem> problems = new ArrayList<>();
    Object tree;
    try {
      tree = JSON.read(text);
    } catch (RuntimeException e) {
      return new InventoryLoad(List.of(), List.of(new InventoryProblem(file, "", "not JSON: " + e.getMessage())));
    }
    if (!(tree instanceof JsonObject doc) || !doc.has("format_version")) {
      return new InventoryLoad(List.of(),
          List.of(new InventoryProblem(file, "", "not terraform show -json output (no format_version)")));
    }
    return read(file, doc, problems);
  }

  private InventoryLoad read(String file, JsonObject json, List<InventoryProblem> problems) {
    TfDocument doc = TfDocument.of(file, json, problems);
    Joins joins = new Joins(file, problems);
    AwsTerraform aws = new AwsTerraform(file, doc, joins, problems, fileAccount(doc));
    AzureGcpTerraform other = new AzureGcpTerraform(file, joins);
    List<Draft> generic = new ArrayList<>();
    for (TfResource r : doc.resources()) {
      if (AwsTerraform.SETTINGS.contains(r.type()) || AzureGcpTerraform.SETTINGS.contains(r.type())) {
        continue;
      }
      Draft d = r.type().startsWith("aws_") ? aws.primary(r) : other.primary(r);
      if (d == null) {
        d = generic(file, r, doc);
        if (d != null) {
          generic.add(d);
        }
      }
    }
    boolean unjoinedFlowLogs = false;
    for (TfResource r : doc.resources()) {
      if (AwsTerraform.SETTINGS.contains(r.type())) {
        if (r.type().equals("aws_flow_log") && joins.quiet("aws.ec2.vpc", r, "vpc_id") == null
            && r.text("eni_id") == null && r.text("subnet_id") == null && r.text("transit_gateway_id") == null) {
          unjoinedFlowLogs = true;
        }
        aws.join(r);
      } else if (AzureGcpTerraform.SETTINGS.contains(r.type())) {
        other.join(r);
      }
    }
    aws.finish(unjoinedFlowLogs);
    List<Resource> out = new ArrayList<>();
    for (Draft d : joins.drafts()) {
      out.add(d.build());
    }
    for (Draft d : generic) {
      out.add(d.build());
    }
    out.sort(Resource.ORDER);
    return new InventoryLoad(out, problems);
  }

  /** A resource of a type not mapped: kind from its type name, no facts; null for other providers. */
  private static @Nullable Draft generic(String file, TfResource r, TfDocument doc) {
    String[] parts = r.type().split("_", 3);
    Provider p = switch (parts[0]) {
      case "aws" -> Provider.AWS;
      case "azurerm", "azuread", "azapi" -> Provider.AZURE;
      case "google" -> Provider.GCP;
      default -> null;
    };
    if (p == null || parts.length < 2) {
      return null;
    }
    String kind = p.id() + "." + parts[1] + "." + (parts.length > 2 ? parts[2] : parts[1]);
    String arn = r.text("arn");
    String id = arn != null ? arn : r.text("id") != null && p != Provider.AWS ? r.text("id") : null;
    String name = r.text("name") != null ? r.text("name") : r.address();
    String account = p == Provider.AWS ? AwsTerraform.arnAccount(arn) : "";
    String region = "";
    if (p == Provider.AWS) {
      String reg = doc.region(r.providerKey(), "aws");
      region = reg == null ? "" : reg;
    } else if (r.text("location") != null) {
      region = r.text("location");
    }
    return new Draft(r, p, kind, id != null ? id : r.address(), name, account, region, file);
  }

  /** The one AWS account every ARN and account id of the file names, or "". */
  private static String fileAccount(TfDocument doc) {
    Set<String> accounts = new TreeSet<>();
    for (TfResource r : doc.resources()) {
      if (!r.type().startsWith("aws_")) {
        continue;
      }
      String a = AwsTerraform.arnAccount(r.text("arn"));
      if (!a.isEmpty()) {
        accounts.add(a);
      }
      String owner = r.text("owner_id");
      if (owner != null && owner.matches("\\d{12}")) {
        accounts.add(owner);
      }
    }
    return accounts.size() == 1 ? accounts.iterator().next() : "";
  }
}
