package dev.kumo.finding;

import static dev.kumo.sort.BinaryIO.readInstant;
import static dev.kumo.sort.BinaryIO.readString;
import static dev.kumo.sort.BinaryIO.writeInstant;
import static dev.kumo.sort.BinaryIO.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary form of {@link EventSummary}, shared by the finding and correlation codecs. */
public final class EventSummaryCodec {
  private EventSummaryCodec() {}

  public static void write(EventSummary e, DataOutput out) throws IOException {
    writeString(out, e.id());
    writeInstant(out, e.time());
    writeString(out, e.source());
    writeString(out, e.account());
    writeString(out, e.region());
    writeString(out, e.principal());
    writeString(out, e.principalType());
    writeString(out, e.accessKeyId());
    writeString(out, e.sourceIp());
    writeString(out, e.userAgent());
    writeString(out, e.service());
    writeString(out, e.operation());
    writeString(out, e.errorCode());
    writeString(out, e.file());
    out.writeLong(e.line());
  }

  public static EventSummary read(DataInput in) throws IOException {
    return new EventSummary(readString(in), readInstant(in), readString(in), readString(in), readString(in),
        readString(in), readString(in), readString(in), readString(in), readString(in), readString(in),
        readString(in), readString(in), readString(in), in.readLong());
  }
}
