import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        int code = validate(stock, sku, quantity);
        if (code != 0) {
            return code;
        }
        int remaining = stock.get(sku) - quantity;
        stock.put(sku, remaining);
        return 0;
    }

    private static int validate(Map<String, Integer> stock, String sku, int quantity) {
        if (isNullOrBlank(sku)) return 70001;
        if (quantity < 1 || quantity > 1000) return 70002;
        Integer units = (stock != null) ? stock.get(sku) : null;
        if (units == null) return 70003;
        if (units < quantity) return 70004;
        return 0;
    }

    private static boolean isNullOrBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
