// mistake: rejects quantity >= 1000, so the allowed maximum of exactly 1000 returns 70002.
import java.util.Map;

public class InventoryService {

    private static final int MAX_QUANTITY = 1000;

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.isBlank()) {
            return 70001;
        }
        if (quantity < 1 || quantity >= MAX_QUANTITY) {
            return 70002;
        }
        Integer onHand = stock == null ? null : stock.get(sku);
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
