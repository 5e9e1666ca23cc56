// mistake: calls Math.Round(value, 2) without MidpointRounding.AwayFromZero, so midpoints round to even (0.085 becomes 0.08).
using System;

public class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException("amount", "Amount must be greater than zero.");
        }
        if (requestedAt < purchasedAt)
        {
            throw new ArgumentException("The refund request cannot be before the purchase.", "requestedAt");
        }

        TimeSpan elapsed = requestedAt - purchasedAt;

        decimal refund;
        if (elapsed <= TimeSpan.FromDays(14))
        {
            refund = opened ? amount * 0.85m : amount;
        }
        else if (elapsed <= TimeSpan.FromDays(30))
        {
            refund = amount * 0.5m;
        }
        else
        {
            refund = 0m;
        }

        return Math.Round(refund, 2);
    }
}
