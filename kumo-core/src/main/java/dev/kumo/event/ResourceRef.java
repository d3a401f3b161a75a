package dev.kumo.event;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** A resource an event touched (OCSF {@code resources[]}). */
public record ResourceRef(@Nullable String uid, @Nullable String type, @Nullable String account)
    implements Serializable {}
