// Hidden tests for tasks/refund-policy/csharp.yaml. The code under test is Solution.cs.
using System;

public class RefundCalculatorTests
{
    private static readonly DateTime Bought = new DateTime(2024, 3, 1, 10, 0, 0);

    private static decimal After(decimal amount, TimeSpan elapsed, bool opened = false)
    {
        return RefundCalculator.Refund(amount, Bought, Bought + elapsed, opened);
    }

    public static void TestInvalidAmountThrows()
    {
        foreach (var amount in new[] { 0m, -5m })
        {
            try
            {
                RefundCalculator.Refund(amount, Bought, Bought.AddDays(1), false);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail("amount " + amount + " threw " + e.GetType().Name + ", not ArgumentOutOfRangeException");
            }
            Assert.Fail("no exception for amount " + amount);
        }
    }

    public static void TestRequestBeforePurchaseThrows()
    {
        try
        {
            RefundCalculator.Refund(10m, Bought, Bought.AddMinutes(-1), false);
            Assert.True(false, "no exception for a request before the purchase");
        }
        catch (ArgumentOutOfRangeException)
        {
            Assert.True(false, "a request before the purchase threw ArgumentOutOfRangeException, not ArgumentException");
        }
        catch (ArgumentException)
        {
        }
    }

    public static void TestFullRefundWithin14Days()
    {
        Assert.Equal(49.99m, After(49.99m, TimeSpan.Zero));
        Assert.Equal(49.99m, After(49.99m, TimeSpan.FromDays(3)));
    }

    public static void TestOpenedItemRefunds85Percent()
    {
        Assert.Equal(42.49m, After(49.99m, TimeSpan.FromDays(2), opened: true));
        Assert.Equal(85.00m, After(100m, TimeSpan.FromDays(14), opened: true));
    }

    public static void TestHalfRefundUpTo30Days()
    {
        Assert.Equal(25.00m, After(50m, TimeSpan.FromDays(20)));
        Assert.Equal(25.00m, After(50m, TimeSpan.FromDays(20), opened: true));
    }

    public static void TestNoRefundAfter30Days()
    {
        Assert.Equal(0m, After(50m, TimeSpan.FromDays(31)));
        Assert.Equal(0m, After(50m, TimeSpan.FromDays(400)));
    }

    public static void TestWindowBoundariesAreInclusiveAndExact()
    {
        Assert.Equal(80m, After(80m, TimeSpan.FromDays(14)));
        Assert.Equal(40m, After(80m, TimeSpan.FromDays(14) + TimeSpan.FromHours(5)));
        Assert.Equal(40m, After(80m, TimeSpan.FromDays(30)));
        Assert.Equal(0m, After(80m, TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1)));
    }

    public static void TestRoundsHalfAwayFromZero()
    {
        Assert.Equal(0.09m, After(0.10m, TimeSpan.FromDays(1), opened: true));
        Assert.Equal(6.13m, After(12.25m, TimeSpan.FromDays(15)));
        Assert.Equal(0.03m, After(0.05m, TimeSpan.FromDays(29)));
        Assert.Equal(1.01m, After(2.01m, TimeSpan.FromDays(20)));
    }
}
