package dev.kumo.correlate;


import dev.kumo.finding.EventSummaryCodec;
import dev.kumo.sort.Codec;
import dev.kumo.sort.SortKey;
import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.IOException;

/** Binary form of correlation inputs for spill files. */
public final class CorrelationInputCodec implements Codec<CorrelationInput> {
  public static final CorrelationInputCodec INSTANCE = new CorrelationInputCodec();

  @Override
  public void write(CorrelationInput in, SpillWriter out) throws IOException {
    out.writeInstant(in.time());
    out.writeString(in.eventId());
    out.writeInt(in.correlation());
    out.writeInt(in.member());
    out.writeStrings(in.groupValues());
    out.writeString(in.value());
    EventSummaryCodec.write(in.event(), out);
  }

  /** {@link CorrelationInput#ORDER}. */
  @Override
  public void writeKey(CorrelationInput in, SortKey key) {
    key.instant(in.time()).string(in.eventId()).intValue(in.correlation()).intValue(in.member());
  }

  @Override
  public CorrelationInput read(SpillReader in) throws IOException {
    return new CorrelationInput(in.readInstant(), in.readString(), in.readInt(), in.readInt(), in.readStrings(),
        in.readString(), EventSummaryCodec.read(in));
  }
}
