import java.util.Map;

public class InventoryService {

    enum Result {
        SUCCESS(0),
        INVALID_SKU(70001),
        INVALID_QUANTITY(70002),
        SKU_NOT_FOUND(70003),
        INSUFFICIENT_STOCK(70004);

        final int code;

        Result(int code) {
            this.code = code;
        }
    }

    public static int reserve(Map<String, Integer> stock, String sku, int quantity) {
        return attempt(stock, sku, quantity).code;
    }

    private static Result attempt(Map<String, Integer> stock, String sku, int quantity) {
        if (sku == null || sku.strip().isEmpty()) {
            return Result.INVALID_SKU;
        }
        if (quantity < 1 || quantity > 1000) {
            return Result.INVALID_QUANTITY;
        }
        if (stock == null || !stock.containsKey(sku) || stock.get(sku) == null) {
            return Result.SKU_NOT_FOUND;
        }
        int units = stock.get(sku);
        if (units < quantity) {
            return Result.INSUFFICIENT_STOCK;
        }
        stock.put(sku, units - quantity);
        return Result.SUCCESS;
    }
}
