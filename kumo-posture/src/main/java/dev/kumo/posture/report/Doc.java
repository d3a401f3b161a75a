package dev.kumo.posture.report;

import java.util.List;

/** A report as blocks, rendered by {@link TextRenderer}, {@link MarkdownRenderer} and {@link HtmlRenderer}. */
public record Doc(String title, List<Block> blocks) {
  public Doc {
    blocks = List.copyOf(blocks);
  }

  /** One block of a report. Text is raw (unescaped); renderers escape it. */
  public sealed interface Block permits Heading, Para, Bullets, Table {}

  /** A section heading. */
  public record Heading(String text) implements Block {}

  /** A paragraph. */
  public record Para(String text) implements Block {}

  /** A bullet list. */
  public record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /**
   * A table.
   *
   * @param wide columns whose text may be cut in the terminal (indexes)
   */
  public record Table(List<String> headers, List<List<String>> rows, List<Integer> wide) implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      wide = List.copyOf(wide);
    }
  }
}
