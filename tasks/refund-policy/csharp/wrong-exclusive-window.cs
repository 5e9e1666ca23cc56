using System;

public static class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0m) throw new ArgumentOutOfRangeException(nameof(amount));
        if (requestedAt < purchasedAt) throw new ArgumentException("requestedAt is before purchasedAt");
        double days = (requestedAt - purchasedAt).TotalDays;
        decimal rate;
        if (days < 14) rate = opened ? 0.85m : 1.0m;
        else if (days < 30) rate = 0.5m;
        else rate = 0m;
        return Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
    }
}
