import java.util.ArrayList;
import java.util.List;

public class AmountSplitter {

    public static List<String> split(String amount, int parts) {
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("Invalid number of parts");
        }
        double total;
        try {
            total = Double.parseDouble(amount);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid amount");
        }
        if (total < 0) {
            throw new IllegalArgumentException("Amount cannot be negative");
        }
        double share = Math.round(total / parts * 100.0) / 100.0;
        List<String> result = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            result.add(String.format("%.2f", share));
        }
        return result;
    }
}
