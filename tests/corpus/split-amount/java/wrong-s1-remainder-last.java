import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class AmountSplitter {
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

    public static List<String> split(String amount, int parts) {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException("invalid amount: " + amount);
        }
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("parts must be between 1 and 100: " + parts);
        }

        BigInteger cents = new BigDecimal(amount).movePointRight(2).toBigIntegerExact();
        BigInteger[] qr = cents.divideAndRemainder(BigInteger.valueOf(parts));
        BigInteger base = qr[0];
        int remainder = qr[1].intValue();

        List<String> shares = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            BigInteger share = i >= parts - remainder ? base.add(BigInteger.ONE) : base;
            shares.add(format(share));
        }
        return shares;
    }

    private static String format(BigInteger cents) {
        return new BigDecimal(cents, 2).toPlainString();
    }
}
