package dev.kumo.exercise.tabletop;

/**
 * A tabletop or answers file that cannot be used. The message is {@code file:line: path: reason}, e.g.
 * {@code ransomware.yml:42: injects[1].decisions[0].owner: unknown role 'cfo' (roles: ...)}.
 */
public final class TabletopException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String path;
  private final String reason;

  public TabletopException(String file, int line, String path, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    this.file = file;
    this.path = path;
    this.reason = reason;
  }

  /** The file or resource. */
  public String file() {
    return file;
  }

  /** The path in the document, e.g. {@code injects[1].decisions[0].owner}; empty for the whole document. */
  public String path() {
    return path;
  }

  /** Why it was rejected. */
  public String reason() {
    return reason;
  }
}
