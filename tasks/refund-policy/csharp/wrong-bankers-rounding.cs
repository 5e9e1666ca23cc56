using System;

public class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException(nameof(amount));
        if (requestedAt < purchasedAt)
            throw new ArgumentException("Invalid request date");

        var elapsed = requestedAt - purchasedAt;
        decimal refund;
        if (elapsed <= TimeSpan.FromDays(14))
            refund = opened ? amount * 0.85m : amount;
        else if (elapsed <= TimeSpan.FromDays(30))
            refund = amount * 0.5m;
        else
            refund = 0;
        return Math.Round(refund, 2);
    }
}
