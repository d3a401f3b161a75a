/**
 * Playbooks (YAML data, one per threat at least) and the ordered, explained plans built from them: every step
 * says what it preserves or changes, what must have succeeded before it, whether and how it can be undone, the
 * ATT&CK mitigation it serves, and the exact API calls (with the equivalent CLI lines) it makes.
 */
@NullMarked
package dev.kumo.respond.plan;

import org.jspecify.annotations.NullMarked;
