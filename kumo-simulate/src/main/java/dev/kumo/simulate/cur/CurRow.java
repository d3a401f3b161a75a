package dev.kumo.simulate.cur;

/**
 * One daily usage line of the cost and usage report.
 *
 * @param day the usage day's start (epoch milliseconds, UTC midnight)
 * @param productCode {@code AmazonEC2}, {@code AmazonS3} ...
 * @param usageType the priced usage, with its region prefix ({@code USE1-BoxUsage:m6i.large})
 * @param amount usage in {@code unit}
 * @param rate on-demand price per unit, in USD
 * @param tags the resource tags as CUR 2.0 writes them ({@code {"user_team":"payments"}}), or empty
 */
public record CurRow(String payerAccount, String payerName, String account, String accountName, long day,
    String productCode, String productName, String usageType, String operation, String description, String regionCode,
    String location, String availabilityZone, String resourceId, double amount, String unit, double rate,
    String productFamily, String instanceType, String tags) {

  public double cost() {
    return amount * rate;
  }
}
