/**
 * A TAXII 2.1 client: discovery, collections and incremental, paged object pulls. Pages are handed
 * on as the server's JSON text, for a STIX reader to turn into indicators.
 */
@NullMarked
package dev.kumo.intel.taxii;

import org.jspecify.annotations.NullMarked;
