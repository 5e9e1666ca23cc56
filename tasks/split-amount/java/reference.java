import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

public class AmountSplitter {

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

    public static List<String> split(String amount, int parts) {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException("amount must be a non-negative amount with at most two decimals");
        }
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("parts must be from 1 to 100");
        }
        long cents = new BigDecimal(amount).movePointRight(2).longValueExact();
        long base = cents / parts;
        long extra = cents % parts;
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long share = base + (i < extra ? 1 : 0);
            shares.add(BigDecimal.valueOf(share, 2).toPlainString());
        }
        return shares;
    }
}
