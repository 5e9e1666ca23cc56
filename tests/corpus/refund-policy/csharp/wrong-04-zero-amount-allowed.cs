// mistake: checks amount < 0 instead of amount <= 0, so an amount of exactly 0 does not throw ArgumentOutOfRangeException.
using System;

public class RefundCalculator
{
    private static readonly TimeSpan FullWindow = TimeSpan.FromDays(14);
    private static readonly TimeSpan HalfWindow = TimeSpan.FromDays(30);

    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount < 0m)
            throw new ArgumentOutOfRangeException("amount", "Amount must be above zero.");
        if (requestedAt < purchasedAt)
            throw new ArgumentException("requestedAt must not be before purchasedAt.", "requestedAt");

        TimeSpan elapsed = requestedAt - purchasedAt;
        decimal rate;
        if (elapsed <= FullWindow)
            rate = opened ? 0.85m : 1m;
        else if (elapsed <= HalfWindow)
            rate = 0.5m;
        else
            rate = 0m;

        return Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
    }
}
