package dev.kumo.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A JSON value written in place (requestParameters, responseElements, additionalEventData ...). */
@FunctionalInterface
public interface Body {
  /** Writes exactly one JSON value. */
  void write(JsonGenerator g) throws IOException;
}
