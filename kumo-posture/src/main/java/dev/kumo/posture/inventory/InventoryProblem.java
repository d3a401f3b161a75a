package dev.kumo.posture.inventory;

/**
 * Something in an export that could not be read; the reader goes on.
 *
 * @param where record number, line or JSON path inside the file
 */
public record InventoryProblem(String file, String where, String reason) {
  @Override
  public String toString() {
    return file + (where.isEmpty() ? "" : " " + where) + ": " + reason;
  }
}
