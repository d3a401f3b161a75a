/** IP address literals and networks, parsed without any name lookups. */
@NullMarked
package dev.kumo.net;

import org.jspecify.annotations.NullMarked;
