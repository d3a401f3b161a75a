/**
 * Panther cloud-security resource snapshots (the {@code AWS.S3.Bucket}, {@code AWS.IAM.User}, ... resource
 * records Panther's policies evaluate), read into the inventory.
 */
@NullMarked
package dev.kumo.posture.inventory.panther;

import org.jspecify.annotations.NullMarked;
