/**
 * Readers of AWS exports: AWS CLI {@code --output json} outputs ({@link dev.kumo.posture.inventory.aws.AwsCliReader})
 * and AWS Config snapshots.
 */
@NullMarked
package dev.kumo.posture.inventory.aws;

import org.jspecify.annotations.NullMarked;
