package dev.kumo.detector;

import dev.kumo.finding.EventSummaryCodec;
import dev.kumo.sort.Codec;
import dev.kumo.sort.SortKey;
import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.IOException;

/** Binary form of observations for spill files. */
public final class ObservationCodec implements Codec<Observation> {
  public static final ObservationCodec INSTANCE = new ObservationCodec();

  @Override
  public void write(Observation o, SpillWriter out) throws IOException {
    out.writeInstant(o.time());
    out.writeString(o.eventId());
    out.writeInt(o.detector());
    out.writeInt(o.kind());
    out.writeString(o.key());
    out.writeString(o.value());
    out.writeDouble(o.amount());
    out.writeLong(o.count());
    EventSummaryCodec.write(o.event(), out);
  }

  /** {@link Observation#ORDER}. */
  @Override
  public void writeKey(Observation o, SortKey key) {
    key.instant(o.time()).string(o.eventId()).intValue(o.detector()).intValue(o.kind()).string(o.key())
        .nullableString(o.value()).doubleValue(o.amount()).longValue(o.count());
  }

  @Override
  public Observation read(SpillReader in) throws IOException {
    return new Observation(in.readInstant(), in.readString(), in.readInt(), in.readInt(), in.readString(),
        in.readString(), in.readDouble(), in.readLong(), EventSummaryCodec.read(in));
  }
}
