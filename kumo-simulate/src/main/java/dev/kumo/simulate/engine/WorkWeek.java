package dev.kumo.simulate.engine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How busy people are at an hour of the week in their own time zone: office hours on weekdays
 * (with a lunch dip), a little in the evening, and quiet weekends. Weights are between 0 and 1.
 */
public final class WorkWeek {
  private static final double[] WEEKDAY = {
      0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.04, 0.15, 0.55, 0.95, 1.0, 0.95,
      0.6, 0.85, 1.0, 0.95, 0.85, 0.6, 0.3, 0.15, 0.12, 0.1, 0.05, 0.02};
  private static final double WEEKEND_FACTOR = 0.07;

  private WorkWeek() {}

  /** The weight of a person in {@code zone} at {@code time}. */
  public static double office(long time, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
    double w = WEEKDAY[local.getHour()];
    DayOfWeek d = local.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? w * WEEKEND_FACTOR : w;
  }

  /**
   * The weight of customer-facing traffic at {@code time}: a daily wave peaking in the afternoon of
   * {@code zone}, never below 0.35, a little lower on weekends.
   */
  public static double traffic(long time, ZoneId zone) {
    ZonedDateTime local = Instant.ofEpochMilli(time).atZone(zone);
    double hour = local.getHour() + local.getMinute() / 60.0;
    double wave = 0.675 + 0.325 * Math.cos((hour - 15.0) / 24.0 * 2 * Math.PI);
    DayOfWeek d = local.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? wave * 0.8 : wave;
  }

  /** The mean of {@link #office} over a week (for expected volumes). */
  public static double officeMean() {
    double sum = 0;
    for (double w : WEEKDAY) {
      sum += w;
    }
    return sum / 24.0 * (5 + 2 * WEEKEND_FACTOR) / 7.0;
  }

  /** The mean of {@link #traffic} over a week. */
  public static double trafficMean() {
    return 0.675 * (5 + 2 * 0.8) / 7.0;
  }
}
