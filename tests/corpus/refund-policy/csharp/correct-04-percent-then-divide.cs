using System;

public class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= decimal.Zero)
        {
            throw new ArgumentOutOfRangeException("amount", "amount must be positive");
        }

        if (requestedAt.CompareTo(purchasedAt) < 0)
        {
            throw new ArgumentException("requestedAt precedes purchasedAt", "requestedAt");
        }

        int percent = RefundPercent(requestedAt.Subtract(purchasedAt), opened);
        if (percent == 0)
        {
            return 0m;
        }

        decimal raw = amount * percent / 100m;
        return decimal.Round(raw, 2, MidpointRounding.AwayFromZero);
    }

    private static int RefundPercent(TimeSpan elapsed, bool opened)
    {
        TimeSpan fourteenDays = new TimeSpan(14, 0, 0, 0);
        TimeSpan thirtyDays = new TimeSpan(30, 0, 0, 0);

        if (elapsed > thirtyDays)
        {
            return 0;
        }
        if (elapsed > fourteenDays)
        {
            return 50;
        }
        return opened ? 85 : 100;
    }
}
