// Hidden tests for tasks/split-amount/java.yaml. The code under test is AmountSplitter.java.
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountSplitterTest {

    private static BigDecimal sum(List<String> shares) {
        return shares.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void invalidAmountThrows() {
        for (String amount : Arrays.asList(null, "", "  ", "-1.00", "1.005", "abc", "1,50", "1e3", "NaN", " 5")) {
            assertThrows(IllegalArgumentException.class, () -> AmountSplitter.split(amount, 2), "amount=" + amount);
        }
    }

    @Test
    void invalidPartsThrows() {
        for (int parts : new int[] {0, -3, 101}) {
            assertThrows(IllegalArgumentException.class, () -> AmountSplitter.split("10.00", parts), "parts=" + parts);
        }
    }

    @Test
    void validPartsAtTheBounds() {  // accepted: what the shares are is the other tests' to check
        for (int parts : new int[] {1, 100}) {
            assertDoesNotThrow(() -> AmountSplitter.split("10.00", parts), "parts=" + parts);
        }
    }

    @Test
    void remainderGoesFirst() {
        assertEquals(List.of("3.34", "3.33", "3.33"), AmountSplitter.split("10.00", 3));
        assertEquals(List.of("0.34", "0.33", "0.33"), AmountSplitter.split("1", 3));
        assertEquals(List.of("0.02", "0.02", "0.01", "0.01"), AmountSplitter.split("0.06", 4));
    }

    @Test
    void evenSplit() {
        assertEquals(List.of("2.50", "2.50", "2.50", "2.50"), AmountSplitter.split("10", 4));
        assertEquals(List.of("99.99"), AmountSplitter.split("99.99", 1));
    }

    @Test
    void sharesAddUpExactly() {
        String[] amounts = {"10.00", "0.05", "1234567.89", "100", "0.99", "0", "7.1"};
        for (String amount : amounts) {
            for (int parts = 1; parts <= 100; parts += 7) {
                List<String> shares = AmountSplitter.split(amount, parts);
                assertEquals(parts, shares.size());
                assertEquals(0, new BigDecimal(amount).compareTo(sum(shares)), amount + " / " + parts + " -> " + shares);
                BigDecimal max = shares.stream().map(BigDecimal::new).max(BigDecimal::compareTo).get();
                BigDecimal min = shares.stream().map(BigDecimal::new).min(BigDecimal::compareTo).get();
                assertTrue(max.subtract(min).compareTo(new BigDecimal("0.01")) <= 0, "uneven: " + shares);
            }
        }
    }

    @Test
    void twoDecimalsAlways() {
        for (String share : AmountSplitter.split("0.05", 10)) {
            assertTrue(share.matches("\\d+\\.\\d{2}"), "share=" + share);
        }
        assertEquals(List.of("3.00", "3.00"), AmountSplitter.split("6", 2));
    }
}
