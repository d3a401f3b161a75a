/**
 * Detectors about logging itself: log files changed, deleted or added after delivery (CloudTrail log
 * file integrity validation), and log streams that fall silent while others go on.
 */
@NullMarked
package dev.kumo.detector.logging;

import org.jspecify.annotations.NullMarked;
