import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class AmountSplitter {

    private static final int MAX_PARTS = 100;

    public static List<String> split(String amount, int parts) {
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("parts out of range: " + parts);
        }
        BigInteger total = parseCents(amount);
        BigInteger count = BigInteger.valueOf(parts);
        BigInteger base = total.divide(count);
        int remainder = total.mod(count).intValueExact();

        return IntStream.range(0, parts)
                .mapToObj(i -> i < remainder ? base.add(BigInteger.ONE) : base)
                .map(AmountSplitter::formatCents)
                .collect(Collectors.toList());
    }

    private static BigInteger parseCents(String amount) {
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException("amount must not be blank");
        }
        if (!isPlainDecimal(amount)) {
            throw new IllegalArgumentException("not a valid amount: " + amount);
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.scale() > 2) {
            throw new IllegalArgumentException("at most two decimals allowed: " + amount);
        }
        return value.movePointRight(2).toBigIntegerExact();
    }

    private static boolean isPlainDecimal(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? null : s.substring(dot + 1);
        if (whole.isEmpty() || !whole.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return frac == null || (!frac.isEmpty() && frac.chars().allMatch(c -> c >= '0' && c <= '9'));
    }

    private static String formatCents(BigInteger cents) {
        return new BigDecimal(cents, 2).toPlainString();
    }
}
