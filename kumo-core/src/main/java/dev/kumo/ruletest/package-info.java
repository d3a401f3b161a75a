/**
 * Rule tests: {@code <name>.tests.yml} files beside rules, each naming a rule and listing events
 * that must or must not match it.
 */
@NullMarked
package dev.kumo.ruletest;

import org.jspecify.annotations.NullMarked;
