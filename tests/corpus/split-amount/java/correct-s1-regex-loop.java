import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class AmountSplitter {

    private static final Pattern AMOUNT = Pattern.compile("([0-9]+)(?:\\.([0-9]{1,2}))?");
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    public static List<String> split(String amount, int parts) {
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("parts must be between 1 and 100");
        }
        BigInteger cents = toCents(amount);

        BigInteger[] qr = cents.divideAndRemainder(BigInteger.valueOf(parts));
        BigInteger base = qr[0];
        int extra = qr[1].intValue();

        List<String> shares = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            BigInteger share = i < extra ? base.add(BigInteger.ONE) : base;
            shares.add(format(share));
        }
        return shares;
    }

    private static BigInteger toCents(String amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        Matcher m = AMOUNT.matcher(amount);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid amount: " + amount);
        }
        String fraction = m.group(2) == null ? "" : m.group(2);
        while (fraction.length() < 2) {
            fraction += "0";
        }
        return new BigInteger(m.group(1)).multiply(HUNDRED).add(new BigInteger(fraction));
    }

    private static String format(BigInteger cents) {
        BigInteger[] qr = cents.divideAndRemainder(HUNDRED);
        return String.format("%s.%02d", qr[0].toString(), qr[1].intValue());
    }
}
