/** AWS WAF web ACL traffic logs. */
@NullMarked
package dev.kumo.ingest.waf;

import org.jspecify.annotations.NullMarked;
