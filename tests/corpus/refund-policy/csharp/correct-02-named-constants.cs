using System;

public class RefundCalculator
{
    private static readonly TimeSpan FullRefundWindow = TimeSpan.FromDays(14);
    private static readonly TimeSpan PartialRefundWindow = TimeSpan.FromDays(30);

    private const decimal OpenedRate = 0.85m;
    private const decimal PartialRate = 0.50m;

    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        Validate(amount, purchasedAt, requestedAt);
        decimal rate = RateFor(requestedAt - purchasedAt, opened);
        return RoundToCents(amount * rate);
    }

    private static void Validate(decimal amount, DateTime purchasedAt, DateTime requestedAt)
    {
        if (!(amount > 0m))
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amount must be above zero.");
        if (requestedAt < purchasedAt)
            throw new ArgumentException("requestedAt must not be earlier than purchasedAt.", nameof(requestedAt));
    }

    private static decimal RateFor(TimeSpan elapsed, bool opened)
    {
        if (elapsed <= FullRefundWindow)
            return opened ? OpenedRate : 1m;
        if (elapsed <= PartialRefundWindow)
            return PartialRate;
        return 0m;
    }

    private static decimal RoundToCents(decimal value)
    {
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }
}
