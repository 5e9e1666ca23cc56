using System;

public class RefundCalculator
{
    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException("amount", "Amount must be positive");
        }
        if (requestedAt < purchasedAt)
        {
            throw new ArgumentException("Request date cannot be before purchase date");
        }
        int days = (requestedAt - purchasedAt).Days;
        decimal refund = 0m;
        if (days <= 14)
        {
            refund = opened ? amount * 0.85m : amount;
        }
        else if (days <= 30)
        {
            refund = amount * 0.5m;
        }
        return Math.Round(refund, 2, MidpointRounding.AwayFromZero);
    }
}
