import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

public class AmountSplitter {

    public static List<String> split(String amount, int parts) {
        if (parts <= 0 || parts > 100) {
            throw new IllegalArgumentException("parts must be between 1 and 100");
        }
        long cents = new BigDecimal(amount.trim()).multiply(BigDecimal.valueOf(100)).longValue();
        long each = cents / parts;
        long remainder = cents % parts;
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            long value = i < remainder ? each + 1 : each;
            shares.add(String.format("%d.%02d", value / 100, value % 100));
        }
        return shares;
    }
}
