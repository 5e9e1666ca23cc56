import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku.isEmpty()) {
            return 70001;
        }
        if (quantity < 1 || quantity > 1000) {
            return 70002;
        }
        if (!stock.containsKey(sku)) {
            return 70003;
        }
        if (stock.get(sku) < quantity) {
            return 70004;
        }
        stock.put(sku, stock.get(sku) - quantity);
        return 0;
    }
}
