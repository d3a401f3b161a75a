package dev.kumo.event;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * Where an event happened (OCSF {@code cloud}).
 *
 * @param provider e.g. {@code AWS}, {@code Azure}, {@code GCP}
 * @param account account, subscription or project id
 */
public record CloudContext(String provider, @Nullable String account, @Nullable String region)
    implements Serializable {}
