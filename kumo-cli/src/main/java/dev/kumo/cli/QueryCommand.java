package dev.kumo.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Terminal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo query}: read-only SQL over a case made by {@code kumo hunt --case}. */
@Command(name = "query", description = "Run read-only SQL over a case (tables events, findings, incidents; view"
    + " principals). Writes are refused.",
    footer = {"", "Examples:", "  kumo query ./case \"SELECT principal, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC\"",
        "  kumo query ./case --saved                                   list the saved queries",
        "  kumo query ./case --saved console-logins-without-mfa --format csv"})
final class QueryCommand implements Callable<Integer> {
  /** Widest cell in table output; longer values are cut with an ellipsis. */
  static final int MAX_CELL = 80;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "The case folder (made by 'kumo hunt ... --case DIR').")
  Path dir;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SQL", description = "One SELECT (or WITH, FROM, DESCRIBE,"
      + " SHOW, SUMMARIZE, EXPLAIN) statement.")
  String sql;

  @Option(names = "--saved", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
      description = "Run a saved query; without NAME, list them.")
  String saved;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default), csv or jsonl.")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (saved != null && saved.isEmpty() && sql == null) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      for (String name : CaseQuery.SAVED) {
        out.printf("%-32s %s%n", name, CaseQuery.savedDescription(name));
      }
      out.flush();
      return ExitCode.OK;
    }
    String text;
    if (saved != null && !saved.isEmpty()) {
      if (sql != null) {
        err.println("kumo query: give either SQL or --saved NAME, not both");
        return ExitCode.USAGE;
      }
      text = CaseQuery.saved(saved).orElse(null);
      if (text == null) {
        err.println("kumo query: no saved query '" + Sanitize.terminal(saved) + "' (known: "
            + String.join(", ", CaseQuery.SAVED) + ")");
        return ExitCode.USAGE;
      }
    } else if (sql == null) {
      err.println("kumo query: give SQL or --saved NAME (tables: " + String.join(", ", CaseSchema.RELATIONS) + ")");
      return ExitCode.USAGE;
    } else {
      text = sql;
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    CaseQuery.RowSink sink = switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "table" -> new TableSink(w, Terminal.stdoutIsTerminal() ? Terminal.width() : 0);
      case "csv" -> new CsvSink(w);
      case "jsonl" -> new JsonlSink(w);
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: unknown format '" + format + "' (use table, csv or jsonl)");
    };
    try (CaseQuery q = CaseQuery.open(dir)) {
      q.run(text, sink);
      if (sink instanceof TableSink t) {
        t.finish();
      }
    } catch (CaseQuery.QueryRefusedException e) {
      err.println("kumo query: refused: " + Sanitize.terminal(e.getMessage()));
      return ExitCode.USAGE;
    } catch (IOException e) {
      err.println("kumo query: " + String.join("\n  ", String.valueOf(e.getMessage()).lines()
          .map(Sanitize::terminal).toList()));
      return ExitCode.BAD_INPUT;
    } finally {
      w.flush();
    }
    return ExitCode.OK;
  }

  /** CSV (RFC 4180) with spreadsheet-formula neutralising; NULL is an empty field. */
  static final class CsvSink implements CaseQuery.RowSink {
    private final Writer w;

    CsvSink(Writer w) {
      this.w = w;
    }

    @Override
    public void columns(List<String> names) throws IOException {
      line(names);
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
      line(values);
    }

    private void line(List<?> values) throws IOException {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          w.write(',');
        }
        Object v = values.get(i);
        w.write(v == null ? "" : Sanitize.csv(CaseQuery.text(v)));
      }
      w.write("\r\n");
    }
  }

  /** One JSON object per row, keys in column order; values are strings or null. */
  static final class JsonlSink implements CaseQuery.RowSink {
    private static final JsonFactory JSON = new JsonFactory();
    private final Writer w;
    private List<String> names = List.of();

    JsonlSink(Writer w) {
      this.w = w;
    }

    @Override
    public void columns(List<String> names) {
      this.names = List.copyOf(names);
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
      JsonGenerator g = JSON.createGenerator(w);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      for (int i = 0; i < names.size(); i++) {
        g.writeFieldName(names.get(i));
        value(g, values.get(i));
      }
      g.writeEndObject();
      g.flush();
      w.write('\n');
    }
  }

  private static void value(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d && Double.isFinite(d)) {
      g.writeNumber(d);
    } else if (v instanceof Float f && Float.isFinite(f)) {
      g.writeNumber(f);
    } else if (v instanceof java.math.BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof java.math.BigInteger d) {
      g.writeNumber(d);
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }

  /**
   * An aligned text table. Every cell is made safe for a terminal (control and bidi characters
   * shown as escapes) and cut at {@link #MAX_CELL} characters; rows are buffered to size columns, up
   * to 10,000 rows, after which the widths are fixed and the rest stream.
   */
  static final class TableSink implements CaseQuery.RowSink {
    private static final int BUFFERED = 10_000;
    private final Writer w;
    private final int width;
    private List<String> header = List.of();
    private final List<List<String>> rows = new ArrayList<>();
    private int @Nullable [] widths;
    private long count;

    TableSink(Writer w, int width) {
      this.w = w;
      this.width = width;
    }

    @Override
    public void columns(List<String> names) {
      header = names.stream().map(TableSink::cell).toList();
    }

    @Override
    public void row(List<@Nullable Object> values) throws IOException {
      List<String> r = values.stream().map(v -> cell(CaseQuery.text(v))).toList();
      count++;
      if (widths == null) {
        rows.add(r);
        if (rows.size() >= BUFFERED) {
          flushBuffered();
        }
      } else {
        print(r);
      }
    }

    static String cell(String v) {
      String s = Sanitize.terminal(v);
      return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    private void flushBuffered() throws IOException {
      int[] wd = new int[header.size()];
      for (int i = 0; i < wd.length; i++) {
        wd[i] = header.get(i).length();
        for (List<String> r : rows) {
          wd[i] = Math.max(wd[i], r.get(i).length());
        }
      }
      widths = wd;
      print(header);
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < wd.length; i++) {
        if (i > 0) {
          rule.append("  ");
        }
        rule.append("-".repeat(wd[i]));
      }
      line(rule.toString());
      for (List<String> r : rows) {
        print(r);
      }
      rows.clear();
    }

    private void print(List<String> r) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append("  ");
        }
        String v = r.get(i);
        sb.append(v);
        if (i < r.size() - 1) {
          sb.append(" ".repeat(Math.max(0, widths[i] - v.length())));
        }
      }
      line(sb.toString());
    }

    private void line(String s) throws IOException {
      w.write(width > 0 && s.length() > width ? s.substring(0, width - 1) + "…" : s);
      w.write('\n');
    }

    void finish() throws IOException {
      if (widths == null) {
        flushBuffered();
      }
      w.write("(" + count + (count == 1 ? " row" : " rows") + ")\n");
    }
  }
}
