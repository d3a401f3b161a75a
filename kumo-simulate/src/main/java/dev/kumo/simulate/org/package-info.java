/** The synthetic organisation: accounts, regions, people, offices, instances and the addresses they use. */
@NullMarked
package dev.kumo.simulate.org;

import org.jspecify.annotations.NullMarked;
