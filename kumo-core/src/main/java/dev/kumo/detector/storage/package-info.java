/**
 * Detectors about data stores: object reads and deletions far above a principal's own history (data
 * theft, ransomware, wipers) and copies of objects into another account's bucket.
 */
@NullMarked
package dev.kumo.detector.storage;

import org.jspecify.annotations.NullMarked;
