import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.isBlank()) {
            return 70001;
        }
        if (quantity < 1) {
            return 70002;
        }
        if (!stock.containsKey(sku)) {
            return 70003;
        }
        int remaining = stock.get(sku) - quantity;
        stock.put(sku, remaining);
        if (remaining < 0) {
            return 70004;
        }
        return 0;
    }
}
