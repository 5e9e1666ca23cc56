// mistake: computes the refund in double before rounding, so binary float error turns midpoints such as 1.005 (half of 2.01) into 1.00499... and rounds them down.
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

        double days = (requestedAt - purchasedAt).TotalDays;

        double rate;
        if (days <= 14)
        {
            rate = opened ? 0.85 : 1.0;
        }
        else if (days <= 30)
        {
            rate = 0.5;
        }
        else
        {
            rate = 0.0;
        }

        double refund = (double)amount * rate;
        return (decimal)Math.Round(refund, 2, MidpointRounding.AwayFromZero);
    }
}
