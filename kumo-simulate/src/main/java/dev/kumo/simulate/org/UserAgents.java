package dev.kumo.simulate.org;

import java.util.SplittableRandom;

/** User agent strings as AWS SDKs, the CLI, Terraform, browsers and agents send them. */
public final class UserAgents {
  private UserAgents() {}

  private static final String[] CLI_VERSIONS = {"2.22.35", "2.24.10", "2.25.6", "2.27.14", "2.27.50"};
  private static final String[] BOTO_VERSIONS = {"1.35.90", "1.36.26", "1.37.14", "1.38.3"};
  private static final String[] CHROME = {"132.0.0.0", "133.0.0.0", "134.0.0.0"};

  /** The fixed agents of services and tools. */
  public static final String SSM_AGENT = "aws-sdk-go/1.55.6 (go1.23.6; linux; amd64) amazon-ssm-agent/3.3.1611.0";
  public static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.10.5 (+https://www.terraform.io) "
      + "terraform-provider-aws/5.88.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.36.1 "
      + "ua/2.1 os/linux lang/go#1.23.6 md/GOOS#linux md/GOARCH#amd64";
  public static final String GITHUB_CREDENTIALS_ACTION = "aws-sdk-js/3.750.0 ua/2.1 os/linux#6.8.0-1021-azure "
      + "lang/js md/nodejs#20.18.3 api/sts#3.750.0 m/E configure-aws-credentials-for-github-actions";
  public static final String CODEBUILD_CLI = "aws-cli/2.24.10 md/awscrt#0.23.8 ua/2.1 os/linux#5.10.234-225.895.amzn2.x86_64 "
      + "md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython exec-env/AWS_ECS_EC2 cfg/retry-mode#standard "
      + "md/installer#exe md/distrib#amzn.2 md/prompt#off";
  public static final String LAMBDA_BOTO = "Boto3/1.36.3 md/Botocore#1.36.3 ua/2.0 os/linux#5.10.234-244.896.amzn2.x86_64 "
      + "md/arch#x86_64 lang/python#3.12.8 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.36.3";
  public static final String LAMBDA_NODE = "aws-sdk-js/3.729.0 ua/2.1 os/linux#5.10.234-245.897.amzn2.x86_64 lang/js "
      + "md/nodejs#20.18.1 exec-env/AWS_Lambda_nodejs20.x api/secrets-manager#3.729.0 m/E,N";
  public static final String ECS_JAVA = "aws-sdk-java/2.30.22 Linux/5.10.234-225.895.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.6+7-LTS "
      + "Java/21.0.6 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/standard";
  public static final String EKS_GO = "aws-sdk-go-v2/1.32.7 ua/2.1 os/linux lang/go#1.23.4 md/GOOS#linux md/GOARCH#amd64 "
      + "api/ec2#1.198.1 m/E,g";
  public static final String DATADOG = "aws-sdk-go/1.55.5 (go1.22.9; linux; amd64) datadog-aws-crawler";
  public static final String BACKUP = "backup.amazonaws.com";

  /** A browser of a laptop: Chrome on macOS or Windows, Firefox on Linux, Safari. */
  public static String browser(SplittableRandom r) {
    String chrome = CHROME[r.nextInt(CHROME.length)];
    return switch (r.nextInt(6)) {
      case 0, 1, 2 -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
          + chrome + " Safari/537.36";
      case 3 -> "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chrome
          + " Safari/537.36 Edg/" + chrome;
      case 4 -> "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0";
      default -> "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 "
          + "Safari/605.1.15";
    };
  }

  /** The AWS CLI v2 of a laptop, without the per-command suffix. */
  public static String cli(SplittableRandom r, boolean mac) {
    String v = CLI_VERSIONS[r.nextInt(CLI_VERSIONS.length)];
    return mac
        ? "aws-cli/" + v + " md/awscrt#0.23.8 ua/2.1 os/macos#24.3.0 md/arch#arm64 lang/python#3.12.9 md/pyimpl#CPython "
            + "cfg/retry-mode#standard md/installer#source md/prompt#off"
        : "aws-cli/" + v + " md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0-52-generic md/arch#x86_64 lang/python#3.12.9 "
            + "md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off";
  }

  /** Boto3 in a laptop's scripts or notebooks. */
  public static String boto(SplittableRandom r, boolean mac) {
    String v = BOTO_VERSIONS[r.nextInt(BOTO_VERSIONS.length)];
    String os = mac ? "os/macos#24.3.0 md/arch#arm64" : "os/linux#6.8.0-52-generic md/arch#x86_64";
    return "Boto3/" + v + " md/Botocore#" + v + " ua/2.0 " + os + " lang/python#3.12.8 md/pyimpl#CPython "
        + "cfg/retry-mode#legacy Botocore/" + v;
  }

  /** The CLI agent with the command suffix the CLI adds: {@code md/command#ec2.describe-instances}. */
  public static String withCommand(String cli, String cliService, String eventName) {
    return cli + " md/command#" + cliService + "." + kebab(eventName);
  }

  /** {@code DescribeInstances} to {@code describe-instances}. */
  static String kebab(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isDigit(c)) {
        break; // versioned Lambda event names (ListFunctions20150331)
      }
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('-');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
