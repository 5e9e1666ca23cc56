// Hidden tests for tasks/reserve-stock/java.yaml. The code under test is InventoryService.java.
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryServiceTest {

    private static Map<String, Integer> stock() {
        Map<String, Integer> stock = new HashMap<>();
        stock.put("SKU-1", 10);
        stock.put("SKU-2", 0);
        stock.put("BIG", 5000);
        return stock;
    }

    @Test
    void blankSkuReturns70001() {
        for (String sku : Arrays.asList(null, "", "   ", "\t")) {
            assertEquals(70001, InventoryService.reserve(stock(), sku, 1), "sku=" + sku);
        }
    }

    @Test
    void quantityBoundsReturn70002() {
        for (int quantity : new int[] {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertEquals(70002, InventoryService.reserve(stock(), "BIG", quantity), "quantity=" + quantity);
        }
        // the quantity is checked before the SKU is looked up
        assertEquals(70002, InventoryService.reserve(stock(), "NOPE", 0), "sku=NOPE, quantity=0");
        assertEquals(0, InventoryService.reserve(stock(), "BIG", 1000));
        assertEquals(0, InventoryService.reserve(stock(), "BIG", 1));
    }

    @Test
    void unknownSkuReturns70003() {
        for (String sku : new String[] {"SKU-9", "sku-1", " SKU-1"}) {
            assertEquals(70003, InventoryService.reserve(stock(), sku, 1), "sku=" + sku);
        }
    }

    @Test
    void insufficientStockReturns70004() {
        assertEquals(70004, InventoryService.reserve(stock(), "SKU-1", 11));
        assertEquals(70004, InventoryService.reserve(stock(), "SKU-2", 1));
    }

    @Test
    void stockUnchangedOnFailure() {
        Map<String, Integer> s = stock();
        InventoryService.reserve(s, "SKU-1", 11);
        InventoryService.reserve(s, "SKU-1", 0);
        InventoryService.reserve(s, "SKU-1", 5000);
        InventoryService.reserve(s, "NOPE", 1);
        assertEquals(stock(), s);
    }

    @Test
    void reservesAndSubtracts() {
        Map<String, Integer> s = stock();
        assertEquals(0, InventoryService.reserve(s, "SKU-1", 4));
        assertEquals(0, InventoryService.reserve(s, "SKU-1", 6));
        assertEquals(0, s.get("SKU-1"));
        assertEquals(70004, InventoryService.reserve(s, "SKU-1", 1));
    }
}
