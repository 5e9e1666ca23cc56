// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 38 parses the decimal digits as a number of cents without padding a single digit, so "10.5" becomes 1005 cents instead of 1050.
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
            throw new IllegalArgumentException("parts must be from 1 to 100, got " + parts);
        }

        long cents;
        try {
            cents = toCents(amount);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is too large: " + amount, e);
        }
        long base = cents / parts;
        long remainder = cents % parts;

        List<String> shares = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            shares.add(format(i < remainder ? base + 1 : base));
        }
        return shares;
    }

    private static long toCents(String amount) {
        int dot = amount.indexOf('.');
        if (dot < 0) {
            return Math.multiplyExact(Long.parseLong(amount), 100L);
        }
        long whole = Long.parseLong(amount.substring(0, dot));
        long fraction = Long.parseLong(amount.substring(dot + 1));
        return Math.addExact(Math.multiplyExact(whole, 100L), fraction);
    }

    private static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
