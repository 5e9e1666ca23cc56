using System;

public static class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "amount must be above 0");
        }
        if (requestedAt < purchasedAt)
        {
            throw new ArgumentException("the refund was requested before the purchase", nameof(requestedAt));
        }
        TimeSpan elapsed = requestedAt - purchasedAt;
        decimal share;
        if (elapsed <= TimeSpan.FromDays(14))
        {
            share = opened ? 0.85m : 1m;
        }
        else if (elapsed <= TimeSpan.FromDays(30))
        {
            share = 0.5m;
        }
        else
        {
            share = 0m;
        }
        return Math.Round(amount * share, 2, MidpointRounding.AwayFromZero);
    }
}
