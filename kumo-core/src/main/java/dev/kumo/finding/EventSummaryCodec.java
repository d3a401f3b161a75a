package dev.kumo.finding;

import dev.kumo.sort.SpillReader;
import dev.kumo.sort.SpillWriter;
import java.io.IOException;

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
  }

  public static EventSummary read(SpillReader in) throws IOException {
    return new EventSummary(in.readString(), in.readInstant(), in.readString(), in.readString(), in.readString(),
        in.readString(), in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
        in.readString(), in.readString(), in.readString(), in.readStrings(), in.readString(), in.readLong());
  }
}
