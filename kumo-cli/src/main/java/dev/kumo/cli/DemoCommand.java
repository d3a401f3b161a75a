package dev.kumo.cli;

import dev.kumo.detect.LoadedRules;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.ingest.InputFile;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo demo}: hunt the bundled demo dataset and suggest what to try next. */
@Command(name = "demo", sortOptions = false,
    description = "Hunt a small bundled dataset of CloudTrail logs that tells an attack story.",
    footer = {"", "Example:", "  kumo demo --min-level medium"})
final class DemoCommand implements Callable<Integer> {
  static final String ROOT = "dev/kumo/demo/";

  @Option(names = "--no-color", description = "No colours in terminal output.")
  boolean noColor;

  @Option(names = "--min-level", paramLabel = "LEVEL", defaultValue = "low",
      description = "Lowest level shown (default: ${DEFAULT-VALUE}).")
  String minLevel;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "Findings format: table, jsonl, csv (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    List<InputFile> inputs = new ArrayList<>();
    for (String name : index()) {
      byte[] bytes;
      try (InputStream in = resource(name)) {
        bytes = in.readAllBytes();
      }
      inputs.add(new InputFile("demo/" + name, null, bytes.length,
          () -> new java.io.ByteArrayInputStream(bytes)));
    }
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    Level min = Level.parse(minLevel);
    if (min == null) {
      throw new IllegalArgumentException("--min-level: '" + minLevel + "' is not a level");
    }
    HuntOptions options = HuntOptions.defaults().withMinLevel(min);
    int code = new HuntRunner(System.out, System.err).run(inputs, rules, options,
        new HuntRunner.Output(format, null, null, noColor, false, null));
    if (format == OutputFormat.table) {
      System.out.println();
      System.out.println("What to try next:");
      System.out.println("  ./kumo hunt <your AWSLogs folder>                    hunt your own CloudTrail export");
      System.out.println("  ./kumo hunt <folder> --rules <sigma>/rules/cloud     add SigmaHQ's cloud rules");
      System.out.println("  ./kumo demo --format jsonl | jq .rule_title          findings as JSON Lines");
      System.out.println("  ./kumo rules explain kumo_aws_cloudtrail_logging_stopped   see how a rule is compiled");
      System.out.println("  ./kumo rules test                                    run the built-in rules' tests");
    }
    return code;
  }

  static List<String> index() throws IOException {
    try (InputStream in = resource("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new IOException("demo file " + name + " is missing from the jar");
    }
    return in;
  }
}
