package dev.kumo.detector.billing;

import dev.kumo.event.BillingLine;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.ingest.focus.FocusSource;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the billing detectors take from one cost line: whether it is usage, what the usage cost, and
 * whether it is compute or GPU compute. Stateless.
 */
final class BillingLines {
  private BillingLines() {}

  /** A line's class: GPU or accelerator compute, other compute, anything else. */
  static final char GPU = 'g';
  static final char COMPUTE = 'c';
  static final char OTHER = 'o';

  /**
   * The cost of a usage line, or a negative number when the line is not usage or has no positive
   * cost. Usage is CUR {@code Usage}, {@code DiscountedUsage} and {@code SavingsPlanCoveredUsage},
   * FOCUS {@code ChargeCategory=Usage} (not corrections of earlier periods, not the unused part of a
   * commitment), and lines without a type. Credits, refunds, taxes, fees, discounts, negations and
   * commitment purchases are never usage. The cost is what the usage cost after commitments: FOCUS
   * {@code EffectiveCost} (else {@code BilledCost}); CUR unblended cost, with reserved-instance usage
   * at its effective cost (its unblended cost is 0, so an expiring reservation would look new).
   */
  static double usageCost(NormalizedEvent e, BillingLine b) {
    String type = b.chargeType();
    JsonObject raw = e.raw();
    Double cost = b.cost();
    if (FocusSource.ID.equals(e.source())) {
      if (type != null && !type.equalsIgnoreCase("Usage")) {
        return -1;
      }
      if ("Correction".equalsIgnoreCase(Values.text(raw, "ChargeClass"))
          || "Unused".equalsIgnoreCase(Values.text(raw, "CommitmentDiscountStatus"))) {
        return -1;
      }
      Double effective = Values.number(raw.get("EffectiveCost"));
      if (effective != null) {
        cost = effective;
      }
    } else if (type != null) {
      if (type.equals("DiscountedUsage")) {
        Double effective = Values.number(raw.get("reservation_effective_cost"));
        if (effective == null) {
          effective = Values.number(raw.get("reservation/EffectiveCost"));
        }
        if (effective != null) {
          cost = effective;
        }
      } else if (!type.equals("Usage") && !type.equals("SavingsPlanCoveredUsage")) {
        return -1;
      }
    }
    return cost == null || !(cost > 0) ? -1 : cost;
  }

  /** The short name of well-known services, by AWS product code or FOCUS service name. */
  private static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("AmazonEC2", "EC2"), Map.entry("Amazon Elastic Compute Cloud", "EC2"),
      Map.entry("AmazonSageMaker", "SageMaker"), Map.entry("Amazon SageMaker", "SageMaker"),
      Map.entry("AWSLambda", "Lambda"), Map.entry("AWS Lambda", "Lambda"),
      Map.entry("AmazonECS", "ECS"), Map.entry("Amazon Elastic Container Service", "ECS"),
      Map.entry("AmazonEKS", "EKS"), Map.entry("Amazon Elastic Kubernetes Service", "EKS"),
      Map.entry("AWSBatch", "Batch"), Map.entry("AWS Batch", "Batch"),
      Map.entry("AmazonBedrock", "Bedrock"), Map.entry("Amazon Bedrock", "Bedrock"),
      Map.entry("AmazonLightsail", "Lightsail"), Map.entry("Amazon Lightsail", "Lightsail"),
      Map.entry("ElasticMapReduce", "EMR"), Map.entry("Amazon EMR", "EMR"), Map.entry("Amazon Elastic MapReduce", "EMR"),
      Map.entry("AmazonS3", "S3"), Map.entry("Amazon Simple Storage Service", "S3"),
      Map.entry("AWSDataTransfer", "Data Transfer"), Map.entry("AmazonRDS", "RDS"),
      Map.entry("AmazonCloudWatch", "CloudWatch"), Map.entry("AmazonDynamoDB", "DynamoDB"),
      Map.entry("AmazonCloudFront", "CloudFront"), Map.entry("AmazonVPC", "VPC"), Map.entry("AWSELB", "ELB"));

  /** Services whose every usage line is compute (short names, GCP and Azure service names). */
  private static final Set<String> COMPUTE_SERVICES = Set.of("SageMaker", "Lambda", "ECS", "EKS", "Batch", "Bedrock",
      "Lightsail", "EMR", "Compute Engine", "Kubernetes Engine", "Vertex AI", "Cloud Run", "Cloud Run Functions",
      "Cloud Functions", "Virtual Machines", "Virtual Machine Scale Sets", "Azure Kubernetes Service",
      "Container Instances", "Azure Container Instances", "Azure Machine Learning", "Machine Learning",
      "Azure Batch", "Functions", "Azure Functions", "Azure OpenAI", "Azure OpenAI Service");

  /** EC2 usage types of running instances (not volumes, snapshots, addresses or transfer). */
  private static final Pattern EC2_INSTANCE = Pattern.compile(
      "(?:^|-)(?:BoxUsage|SpotUsage|DedicatedUsage|HostUsage|HostBoxUsage|SchedUsage|ReservedHostUsage)(?::|$)");
  /** GPU and ML-accelerator instance families (EC2, SageMaker {@code ml.}, EMR), after the usage type's colon. */
  private static final Pattern AWS_GPU = Pattern.compile(
      "(?:ml\\.)?(?:p[2-6]|g[3-6]|gr6|inf[12]|trn[12]|dl[12])[a-z0-9-]*\\..*");
  /** Azure GPU VM series (NC, ND, NG, NV) and GPU/TPU SKUs of other providers, in meter or SKU text. */
  private static final Pattern OTHER_GPU = Pattern.compile(
      "(?i)(?:^|[\\s_])N[CDGV]\\d|\\bgpu\\b|nvidia|\\btpu\\b");

  /** The short name of a service ({@code AmazonEC2} → {@code EC2}), else the name itself. */
  static String shortName(String service) {
    return SHORT.getOrDefault(service, service);
  }

  /** How a service is shown in reasons: {@code EC2 (AmazonEC2)}, or the name alone. */
  static String display(String service) {
    if (service.isEmpty()) {
      return "(unknown service)";
    }
    String s = SHORT.get(service);
    return s == null ? service : s + " (" + service + ")";
  }

  /** Whether the line is {@link #GPU}, {@link #COMPUTE} or {@link #OTHER} usage. */
  static char classify(NormalizedEvent e, BillingLine b) {
    String service = b.service();
    if (service == null) {
      return OTHER;
    }
    String name = shortName(service);
    String usageType = b.usageType();
    if (name.equals("EC2")) {
      boolean instance = usageType != null && EC2_INSTANCE.matcher(usageType).find()
          || FocusSource.ID.equals(e.source()) && "Instance".equalsIgnoreCase(Values.text(e.raw(), "ResourceType"));
      if (!instance) {
        return OTHER;
      }
    } else if (!COMPUTE_SERVICES.contains(name) && !(FocusSource.ID.equals(e.source())
        && "AI and Machine Learning".equalsIgnoreCase(Values.text(e.raw(), "ServiceCategory")))) {
      return OTHER;
    }
    if (usageType != null) {
      int colon = usageType.lastIndexOf(':');
      if (colon >= 0 && AWS_GPU.matcher(usageType).region(colon + 1, usageType.length()).matches()) {
        return GPU;
      }
    }
    if (FocusSource.ID.equals(e.source())) {
      for (String column : new String[] {"x_SkuMeterName", "ChargeDescription", "x_SkuDescription"}) {
        String text = Values.text(e.raw(), column);
        if (text != null && OTHER_GPU.matcher(text).find()) {
          return GPU;
        }
      }
    }
    return COMPUTE;
  }

  /** A key part without the newlines that separate key parts. */
  static String part(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return s.indexOf('\n') < 0 ? s : s.replace('\n', ' ');
  }

  /** How a currency amount is shown: {@code $4,812.40}, {@code 4,812.40 EUR}. */
  static String money(long micros, String currency) {
    String n = String.format(Locale.ROOT, "%,.2f", micros / 1e6);
    if (currency.equals("USD")) {
      return "$" + n;
    }
    return currency.isEmpty() ? n : n + " " + currency;
  }
}
