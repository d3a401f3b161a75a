package dev.kumo.simulate.vpcflow;

/**
 * One flow log record of the default format (version 2), as a network interface logs a flow in one
 * direction during an aggregation interval.
 *
 * @param start the first packet's time (epoch seconds)
 * @param end the end of the aggregation interval (epoch seconds)
 * @param protocol the IANA protocol number (6 TCP, 17 UDP)
 */
public record FlowRecord(String account, String region, String flowLogId, String interfaceId, String srcAddr,
    String dstAddr, int srcPort, int dstPort, int protocol, long packets, long bytes, long start, long end,
    boolean accepted) {}
