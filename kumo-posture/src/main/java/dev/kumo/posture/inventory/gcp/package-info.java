/**
 * GCP Cloud Asset Inventory exports ({@code gcloud asset export --content-type=resource|iam-policy}, JSON
 * Lines) read into inventory resources of the {@code gcp.*} kinds of {@code docs/posture-facts.md}.
 */
@NullMarked
package dev.kumo.posture.inventory.gcp;

import org.jspecify.annotations.NullMarked;
