// mistake: uses TimeSpan.Days, which drops the hours and minutes, so 14 days and 5 hours still counts as 14 days.
using System;

public class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException("amount");
        }
        if (requestedAt < purchasedAt)
        {
            throw new ArgumentException("requestedAt must not be before purchasedAt", "requestedAt");
        }

        int days = (requestedAt - purchasedAt).Days;

        decimal refund;
        if (days <= 14)
        {
            refund = opened ? amount * 0.85m : amount;
        }
        else if (days <= 30)
        {
            refund = amount * 0.5m;
        }
        else
        {
            refund = 0m;
        }

        return Math.Round(refund, 2, MidpointRounding.AwayFromZero);
    }
}
