package dev.kumo.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Terminal;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** Row output for case queries and the investigation commands: an aligned table, CSV or JSON Lines. */
final class QuerySinks {
  /** Widest cell in table output; longer values are cut with an ellipsis. */
  static final int MAX_CELL = 80;

  private QuerySinks() {}

  /** The sink for {@code format} ({@code table}, {@code csv} or {@code jsonl}) writing to {@code w}. */
  static CaseQuery.RowSink of(String format, Writer w, CommandSpec spec) {
    return switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "table" -> new TableSink(w, Terminal.stdoutIsTerminal() ? Terminal.width() : 0);
      case "csv" -> new CsvSink(w);
      case "jsonl" -> new JsonlSink(w);
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format: unknown format '" + format + "' (use table, csv or jsonl)");
    };
  }

  /** Ends a table (prints buffered rows and the row count); other sinks need nothing. */
  static void finish(CaseQuery.RowSink sink) throws IOException {
    if (sink instanceof TableSink t) {
      t.finish();
    }
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
