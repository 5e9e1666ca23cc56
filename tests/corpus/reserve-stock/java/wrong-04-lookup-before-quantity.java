// mistake: checks for an unknown SKU before validating the quantity, so an unknown SKU with quantity 0 returns 70003 instead of 70002.
import java.util.Map;

public class InventoryService {

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.isBlank()) {
            return 70001;
        }
        Integer onHand = stock == null ? null : stock.get(sku);
        if (onHand == null) {
            return 70003;
        }
        if (quantity < 1 || quantity > 1000) {
            return 70002;
        }
        if (onHand < quantity) {
            return 70004;
        }
        stock.put(sku, onHand - quantity);
        return 0;
    }
}
