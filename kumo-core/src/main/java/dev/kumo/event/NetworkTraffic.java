package dev.kumo.event;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A network flow (OCSF Network Activity 4001): ports sit in the event's source and destination
 * endpoints.
 *
 * @param protocol transport, lower case ({@code tcp}, {@code udp}, {@code icmp}) or the IANA number
 * @param action what the network did with it: {@code accept}, {@code reject}
 * @param direction {@code inbound}, {@code outbound} or null when the log does not say
 * @param instanceId the instance or workload the interface belongs to, when known
 * @param endTime when the flow window ended
 */
public record NetworkTraffic(@Nullable String protocol, @Nullable Long bytes, @Nullable Long packets,
    @Nullable String action, @Nullable String direction, @Nullable String interfaceId, @Nullable String vpcId,
    @Nullable String instanceId, @Nullable Integer tcpFlags, @Nullable Instant endTime) implements Details {}
