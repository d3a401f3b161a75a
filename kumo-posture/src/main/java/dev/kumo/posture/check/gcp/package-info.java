/** Built-in GCP posture checks; their metadata is in {@code checks/gcp.yml}. */
@NullMarked
package dev.kumo.posture.check.gcp;

import org.jspecify.annotations.NullMarked;
