using System;
using System.Collections.Generic;

public class RefundCalculator
{
    private struct Tier
    {
        public readonly long MaxTicks;
        public readonly decimal Rate;
        public readonly decimal OpenedRate;

        public Tier(int maxDays, decimal rate, decimal openedRate)
        {
            MaxTicks = TimeSpan.FromDays(maxDays).Ticks;
            Rate = rate;
            OpenedRate = openedRate;
        }
    }

    private static readonly List<Tier> Tiers = new List<Tier>
    {
        new Tier(14, 1.00m, 0.85m),
        new Tier(30, 0.50m, 0.50m),
    };

    public static decimal Refund(decimal amount, DateTime purchasedAt, DateTime requestedAt, bool opened)
    {
        if (amount <= 0)
            throw new ArgumentOutOfRangeException("amount");
        if (requestedAt < purchasedAt)
            throw new ArgumentException("requestedAt is before purchasedAt");

        long elapsedTicks = (requestedAt - purchasedAt).Ticks;

        foreach (Tier tier in Tiers)
        {
            if (elapsedTicks <= tier.MaxTicks)
            {
                decimal rate = opened ? tier.OpenedRate : tier.Rate;
                return Math.Round(amount * rate, 2, MidpointRounding.AwayFromZero);
            }
        }

        return 0m;
    }
}
