// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 19 uses TimeSpan.Days, which drops the hours and minutes, so an elapsed time a little over 14 (or 30) days still counts as 14 (or 30).
using System;

public static class RefundCalculator
{
    private const decimal OpenedShare = 0.85m;
    private const decimal LateShare = 0.5m;

    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "amount must be above 0");
        }
        if (requestedAt < purchasedAt)
        {
            throw new ArgumentException("requestedAt must not be before purchasedAt", nameof(requestedAt));
        }

        int elapsedDays = (requestedAt - purchasedAt).Days;

        decimal refund;
        if (elapsedDays <= 14)
        {
            refund = opened ? amount * OpenedShare : amount;
        }
        else if (elapsedDays <= 30)
        {
            refund = amount * LateShare;
        }
        else
        {
            refund = 0m;
        }

        return Math.Round(refund, 2, MidpointRounding.AwayFromZero);
    }
}
