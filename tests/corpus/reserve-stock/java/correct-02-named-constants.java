import java.util.Map;

public class InventoryService {

    public static final int OK = 0;
    public static final int ERR_INVALID_SKU = 70001;
    public static final int ERR_INVALID_QUANTITY = 70002;
    public static final int ERR_UNKNOWN_SKU = 70003;
    public static final int ERR_INSUFFICIENT_STOCK = 70004;

    private static final int MIN_QUANTITY = 1;
    private static final int MAX_QUANTITY = 1000;

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        if (!isValidSku(sku)) {
            return ERR_INVALID_SKU;
        }
        if (!isValidQuantity(quantity)) {
            return ERR_INVALID_QUANTITY;
        }
        Integer available = stock == null ? null : stock.get(sku);
        if (available == null) {
            return ERR_UNKNOWN_SKU;
        }
        if (available.intValue() < quantity) {
            return ERR_INSUFFICIENT_STOCK;
        }
        stock.put(sku, available.intValue() - quantity);
        return OK;
    }

    private static boolean isValidSku(String sku) {
        return sku != null && !sku.isBlank();
    }

    private static boolean isValidQuantity(int quantity) {
        return quantity >= MIN_QUANTITY && quantity <= MAX_QUANTITY;
    }
}
