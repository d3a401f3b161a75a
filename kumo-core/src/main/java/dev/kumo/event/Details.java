package dev.kumo.event;

import java.io.Serializable;

/**
 * What an event says beyond who did what where: the part specific to its OCSF class (network
 * traffic, a DNS query, an HTTP request, file activity, a finding, a billing line, an
 * authentication).
 */
public sealed interface Details extends Serializable
    permits NetworkTraffic, DnsQuery, HttpRequest, FileActivity, FindingDetails, BillingLine, Authentication {}
