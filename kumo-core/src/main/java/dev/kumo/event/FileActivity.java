package dev.kumo.event;

import org.jspecify.annotations.Nullable;

/**
 * Something done to a file on a host (OCSF File System Activity 1001).
 *
 * @param activity {@code create}, {@code write}, {@code rename}, {@code delete}, {@code execute},
 *     {@code read}, {@code chmod} or {@code other}
 * @param path the file acted on (the new name for renames)
 * @param oldPath the previous name, for renames
 * @param process the executable that acted
 */
public record FileActivity(String activity, @Nullable String path, @Nullable String oldPath,
    @Nullable String process, @Nullable Long pid, @Nullable String user, @Nullable String host, boolean success)
    implements Details {}
