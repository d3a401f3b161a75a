/**
 * A compact, immutable JSON tree for log records.
 *
 * <p>Values are plain Java objects: {@link java.lang.String}, {@link java.lang.Long},
 * {@link java.math.BigInteger}, {@link java.math.BigDecimal}, {@link java.lang.Boolean},
 * {@link dev.kumo.json.JsonNull}, {@link dev.kumo.json.JsonObject} and {@link dev.kumo.json.JsonArray}.
 * Trees are built once per record by {@link dev.kumo.json.JsonTreeReader} and never change, so they
 * may be shared between threads.
 */
@NullMarked
package dev.kumo.json;

import org.jspecify.annotations.NullMarked;
