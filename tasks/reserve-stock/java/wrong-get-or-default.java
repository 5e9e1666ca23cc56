import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.trim().isEmpty()) {
            return 70001;
        }
        if (quantity <= 0 || quantity > 1000) {
            return 70002;
        }
        int available = stock.getOrDefault(sku, 0);
        if (available < quantity) {
            return 70004;
        }
        stock.put(sku, available - quantity);
        return 0;
    }
}
