using System;
using System.Diagnostics;

public class RefundCalculator
{
    private static readonly TimeSpan FourteenDays = TimeSpan.FromDays(14);
    private static readonly TimeSpan ThirtyDays = TimeSpan.FromDays(30);

    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (!(amount > 0m))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Refunds need a positive purchase amount.");
        }

        var elapsed = requestedAt - purchasedAt;
        if (elapsed < TimeSpan.Zero)
        {
            throw new ArgumentException("The request time is before the purchase time.", nameof(requestedAt));
        }

        decimal percent;
        // elapsed.Days drops the partial day, so "Days < N" alone means strictly under N days;
        // the equality check adds the exact N-day boundary, and 14 days plus a minute is excluded.
        if (elapsed.Days < 14 || elapsed == FourteenDays)
        {
            percent = opened ? 85m : 100m;
        }
        else if (elapsed.Days < 30 || elapsed == ThirtyDays)
        {
            percent = 50m;
        }
        else
        {
            percent = 0m;
        }

        Debug.WriteLine(string.Format("Refund requested after {0} day(s) {1:hh\\:mm}: {2}%", elapsed.Days, elapsed, percent));

        return Math.Round(amount * percent / 100m, 2, MidpointRounding.AwayFromZero);
    }
}
