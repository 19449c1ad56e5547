package io.vessel.server.controller.quota;

import java.math.BigDecimal;

/** An amount as a quantity string: cpu in cores or millicores, bytes in Ki/Mi/Gi when exact. */
final class QuotaQuantities {
  private static final String[] BINARY = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};

  private QuotaQuantities() {}

  static String format(String resource, BigDecimal amount) {
    if (resource.equals("cpu") || resource.endsWith(".cpu")) {
      if (amount.stripTrailingZeros().scale() <= 0) {
        return amount.toBigInteger().toString();
      }
      return amount.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).toPlainString() + "m";
    }
    var whole = amount.setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
    if (resource.contains("memory") || resource.contains("storage")) {
      for (int i = 0; i < BINARY.length; i++) {
        var unit = java.math.BigInteger.ONE.shiftLeft(10 * (BINARY.length - i));
        if (whole.signum() > 0 && whole.mod(unit).signum() == 0) {
          return whole.divide(unit) + BINARY[i];
        }
      }
    }
    return whole.toString();
  }
}
