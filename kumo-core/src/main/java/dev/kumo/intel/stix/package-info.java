/**
 * STIX 2.1 bundles in and out: {@link dev.kumo.intel.stix.StixBundleReader} turns indicator objects
 * (and the threat actors, malware and campaigns related to them) into Kumo indicators;
 * {@link dev.kumo.intel.stix.StixWriter} writes indicators and sightings back as bundles.
 *
 * <p>STIX has no cyber-observable objects for cloud identities, so Kumo defines custom ones (STIX 2.1
 * section 11.1, {@code x-} prefix), each with a single string property {@code value}:
 * <ul>
 *   <li>{@code x-kumo-access-key:value} — a cloud access key id ({@code AKIA…}), type {@code access-key};
 *   <li>{@code x-kumo-account:value} — a cloud account, subscription or project id, type {@code account};
 *   <li>{@code x-kumo-arn:value} — a role or user ARN or another provider's principal name, type {@code arn};
 *   <li>{@code x-kumo-wallet:value} — a cryptocurrency wallet address, type {@code wallet};
 *   <li>{@code x-kumo-user-agent:value} — an HTTP user agent, type {@code user-agent} (the standard
 *       {@code network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'} is read too,
 *       and is what the writer uses).
 * </ul>
 * Indicator objects may also carry the custom property {@code x_kumo_context} (a list of
 * {@code kind: name} strings), which the writer fills from {@link dev.kumo.intel.Indicator#context()}
 * so context survives a round trip without inventing threat-actor objects.
 */
@NullMarked
package dev.kumo.intel.stix;

import org.jspecify.annotations.NullMarked;
