/**
 * Findings as exchange formats: OCSF Detection Finding (class 2004) JSON Lines or JSON array, a STIX 2.1
 * bundle of sightings and observed data, and an ATT&amp;CK Navigator layer (format 4.5).
 *
 * <p>All output is deterministic: fields are written in a fixed order, ids are derived from the
 * findings' content (UUIDv5), times come from the findings, never from the clock, and whole-document
 * writers sort their input. Every string from logs is written through Jackson's generator with
 * {@link dev.kumo.json.JsonFields#safeGenerator} escapes, so output is valid JSON in valid UTF-8
 * whatever the logs held.
 *
 * <p>Entry points: {@link dev.kumo.export.OcsfFindingWriter}, {@link dev.kumo.export.StixBundleWriter},
 * {@link dev.kumo.export.NavigatorFindingsLayer}, and {@link dev.kumo.export.FindingIds} for the id an
 * OCSF finding and its STIX sightings share.
 */
@NullMarked
package dev.kumo.export;

import org.jspecify.annotations.NullMarked;
