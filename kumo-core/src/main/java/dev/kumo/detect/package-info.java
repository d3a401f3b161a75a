/**
 * The detection engine: routes events to the rules of their log source through field-mapping data,
 * picks candidate rules from an index, evaluates them, and wires correlation inputs. The engine is
 * immutable and serializable, so the CLI, the web service and a Flink job run the very same object.
 */
@NullMarked
package dev.kumo.detect;

import org.jspecify.annotations.NullMarked;
