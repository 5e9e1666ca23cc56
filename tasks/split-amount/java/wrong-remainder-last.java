import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

public class AmountSplitter {

    public static List<String> split(String amount, int parts) {
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException("amount is required");
        }
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("parts must be between 1 and 100");
        }
        BigDecimal total;
        try {
            total = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid amount");
        }
        if (total.signum() < 0 || total.scale() > 2) {
            throw new IllegalArgumentException("invalid amount");
        }
        BigDecimal share = total.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        List<String> result = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < parts - 1; i++) {
            result.add(share.toPlainString());
            allocated = allocated.add(share);
        }
        result.add(total.subtract(allocated).setScale(2).toPlainString());
        return result;
    }
}
