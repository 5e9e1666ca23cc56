import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class AmountSplitter {

    public static List<String> split(String amount, int parts) {
        if (amount == null || !amount.matches("[0-9]+(\\.[0-9]{1,2})?")) {
            throw new IllegalArgumentException("Invalid amount: " + amount);
        }
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("Invalid number of parts: " + parts);
        }

        BigInteger totalCents = new BigDecimal(amount).movePointRight(2).toBigIntegerExact();
        BigInteger[] divRem = totalCents.divideAndRemainder(BigInteger.valueOf(parts));
        BigInteger base = divRem[0];
        int extra = divRem[1].intValue();
        BigInteger hundred = BigInteger.valueOf(100);

        List<String> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            BigInteger cents = i < extra ? base.add(BigInteger.ONE) : base;
            BigInteger[] unitsAndCents = cents.divideAndRemainder(hundred);
            result.add(String.format(Locale.ROOT, "%d.%d", unitsAndCents[0], unitsAndCents[1]));
        }
        return result;
    }
}
