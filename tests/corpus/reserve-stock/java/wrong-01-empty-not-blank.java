// mistake: only rejects empty SKUs with isEmpty(), so a whitespace-only SKU like "   " is not reported as 70001.
import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.isEmpty()) {
            return 70001;
        }
        if (quantity < 1 || quantity > 1000) {
            return 70002;
        }
        if (stock == null) {
            return 70003;
        }
        Integer onHand = stock.get(sku);
        if (onHand == null) {
            return 70003;
        }
        if (onHand < quantity) {
            return 70004;
        }
        stock.put(sku, onHand - quantity);
        return 0;
    }
}
