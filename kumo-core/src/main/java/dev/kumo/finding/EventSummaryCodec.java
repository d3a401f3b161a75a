package dev.kumo.finding;

import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelHit;
import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of {@link EventSummary}, shared by the finding and correlation codecs. */
public final class EventSummaryCodec {
  private EventSummaryCodec() {}

  public static void write(EventSummary e, SpillWriter out) throws IOException {
    out.writeString(e.id());
    out.writeInstant(e.time());
    out.writeString(e.source());
    out.writeString(e.account());
    out.writeString(e.region());
    out.writeString(e.principal());
    out.writeString(e.principalType());
    out.writeString(e.accessKeyId());
    out.writeString(e.sourceIp());
    out.writeString(e.destination());
    out.writeString(e.userAgent());
    out.writeString(e.service());
    out.writeString(e.operation());
    out.writeString(e.errorCode());
    out.writeStrings(e.resources());
    out.writeString(e.file());
    out.writeLong(e.line());
    out.writeInt(e.intel().size());
    for (IntelHit h : e.intel()) {
      out.writeByte(h.type().ordinal());
      out.writeString(h.indicator());
      out.writeString(h.observed());
      out.writeString(h.feed());
      out.writeString(h.id());
      out.writeInt(h.confidence() == null ? -1 : h.confidence());
      out.writeStrings(h.context());
    }
  }

  public static EventSummary read(SpillReader in) throws IOException {
    EventSummary e = new EventSummary(in.readString(), in.readInstant(), in.readString(), in.readString(),
        in.readString(), in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
        in.readString(), in.readString(), in.readString(), in.readString(), in.readStrings(), in.readString(),
        in.readLong());
    int hits = in.readInt();
    if (hits == 0) {
      return e;
    }
    List<IntelHit> intel = new ArrayList<>(hits);
    for (int i = 0; i < hits; i++) {
      IndicatorType type = IndicatorType.values()[in.readByte()];
      String indicator = in.readString();
      String observed = in.readString();
      String feed = in.readString();
      String id = in.readString();
      int confidence = in.readInt();
      intel.add(new IntelHit(type, indicator, observed, feed, id, confidence < 0 ? null : confidence,
          in.readStrings()));
    }
    return e.withIntel(intel);
  }
}
