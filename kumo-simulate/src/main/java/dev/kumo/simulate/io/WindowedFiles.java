package dev.kumo.simulate.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The open delivery files of a writer that starts a new file per stream (a flow log, a load balancer node,
 * a VPC) and time window, as AWS delivers logs: asking for a stream's file in a later window closes the
 * earlier one into the tally. Files are closed in the order their streams first appeared, so runs are
 * deterministic. Not thread-safe.
 */
public final class WindowedFiles implements Closeable {
  /** Creates the file of a stream for a window. */
  @FunctionalInterface
  public interface Opener {
    LineFile open(long window) throws IOException;
  }

  private static final class Open {
    LineFile file;
    long window;

    Open(LineFile file, long window) {
      this.file = file;
      this.window = window;
    }
  }

  private final Tally tally;
  private final String source;
  private final Map<String, Open> open = new HashMap<>();
  private final List<Open> order = new ArrayList<>();

  public WindowedFiles(Tally tally, String source) {
    this.tally = tally;
    this.source = source;
  }

  /** The file of {@code stream} for {@code window}, opened with {@code opener} when it is not open yet. */
  public LineFile get(String stream, long window, Opener opener) throws IOException {
    Open f = open.get(stream);
    if (f != null && f.window == window) {
      return f.file;
    }
    if (f != null) {
      f.file.closeInto(tally, source);
    }
    LineFile file = opener.open(window);
    if (f == null) {
      f = new Open(file, window);
      open.put(stream, f);
      order.add(f);
    } else {
      f.file = file;
      f.window = window;
    }
    return file;
  }

  @Override
  public void close() throws IOException {
    for (Open f : order) {
      f.file.closeInto(tally, source);
    }
    open.clear();
    order.clear();
  }
}
