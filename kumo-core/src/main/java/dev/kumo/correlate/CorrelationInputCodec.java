package dev.kumo.correlate;

import static dev.kumo.sort.BinaryIO.readInstant;
import static dev.kumo.sort.BinaryIO.readString;
import static dev.kumo.sort.BinaryIO.readStrings;
import static dev.kumo.sort.BinaryIO.writeInstant;
import static dev.kumo.sort.BinaryIO.writeString;
import static dev.kumo.sort.BinaryIO.writeStrings;

import dev.kumo.finding.EventSummaryCodec;
import dev.kumo.sort.Codec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Binary form of correlation inputs for spill files. */
public final class CorrelationInputCodec implements Codec<CorrelationInput> {
  public static final CorrelationInputCodec INSTANCE = new CorrelationInputCodec();

  @Override
  public void write(CorrelationInput in, DataOutput out) throws IOException {
    writeInstant(out, in.time());
    writeString(out, in.eventId());
    out.writeInt(in.correlation());
    out.writeInt(in.member());
    writeStrings(out, in.groupValues());
    writeString(out, in.value());
    EventSummaryCodec.write(in.event(), out);
  }

  @Override
  public CorrelationInput read(DataInput in) throws IOException {
    return new CorrelationInput(readInstant(in), readString(in), in.readInt(), in.readInt(), readStrings(in),
        readString(in), EventSummaryCodec.read(in));
  }
}
