using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>
/// An ISO 8601 / RFC 5545 duration such as <c>PT9H</c>, <c>P1D</c> or <c>P1DT2H30M</c>.
/// Years and months are rejected because they have no fixed length; a day counts as 24 hours
/// and a week as 7 days. <see cref="ToString"/> writes the canonical form (days and time, no weeks).
/// </summary>
public readonly record struct IsoDuration(TimeSpan Value) : IParsable<IsoDuration>
{
    private const decimal MaxUnits = 100_000_000m;

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out IsoDuration duration) =>
        TryParse(text, out duration, out _);

    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        out IsoDuration duration,
        [NotNullWhen(false)] out string? error)
    {
        duration = default;
        error = Read(text, out var value);
        if (error is not null)
        {
            return false;
        }

        duration = new IsoDuration(value);
        return true;
    }

    /// <summary>The canonical ISO 8601 text for a time span: <c>P1DT2H</c>, <c>PT30M</c>, <c>-PT1H</c>, <c>PT0S</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var text = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            text.Append('-');
        }

        // Work on the magnitude as unsigned ticks: TimeSpan.MinValue has no positive counterpart.
        var ticks = value.Ticks < 0 ? (ulong)-(value.Ticks + 1) + 1 : (ulong)value.Ticks;
        var days = ticks / TimeSpan.TicksPerDay;
        var hours = ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour;
        var minutes = ticks % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
        var secondTicks = ticks % TimeSpan.TicksPerMinute;

        text.Append('P');
        if (days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}D");
        }

        if (hours + minutes + secondTicks > 0)
        {
            text.Append('T');
            if (hours > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{hours}H");
            }

            if (minutes > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            }

            if (secondTicks > 0)
            {
                var seconds = (decimal)secondTicks / TimeSpan.TicksPerSecond;
                text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.ToString();
    }

    public override string ToString() => Format(Value);

    static IsoDuration IParsable<IsoDuration>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<IsoDuration>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out IsoDuration result) =>
        TryParse(s, out result);

    /// <summary>Reads the text; returns an error message, or null with the value set.</summary>
    private static string? Read(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The duration is empty; write it like PT9H, P1D or P1DT2H.";
        }

        var s = text.Trim().ToUpperInvariant();
        var i = 0;
        var negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            i++;
        }

        if (i >= s.Length || s[i] != 'P')
        {
            return $"'{text}' is not an ISO 8601 duration; it must start with P, like PT9H, P1D or P1DT2H.";
        }

        i++;
        var inTimePart = false;
        var timeComponents = 0;
        var lastRank = -1;
        var hadFraction = false;
        var totalTicks = 0m;

        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTimePart)
                {
                    return $"'{text}' has more than one T.";
                }

                inTimePart = true;
                i++;
                continue;
            }

            var numberStart = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is '.' or ','))
            {
                i++;
            }

            if (i == numberStart)
            {
                return $"'{text}' has '{s[i]}' where a number was expected.";
            }

            if (i == s.Length)
            {
                return $"'{text}' ends with a number without a unit (W, D, H, M or S).";
            }

            // ISO 8601 allows a comma or a point, and a fraction only on the smallest unit given.
            var numberText = s[numberStart..i].Replace(',', '.');
            if (hadFraction)
            {
                return $"'{text}' has a fraction on a unit that is not the last one.";
            }

            if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return $"'{numberText}' in '{text}' is not a number.";
            }

            if (number > MaxUnits)
            {
                return $"'{text}' is too long.";
            }

            hadFraction = numberText.Contains('.', StringComparison.Ordinal);
            var designator = s[i++];
            var (rank, ticksPerUnit) = (inTimePart, designator) switch
            {
                (false, 'W') => (0, TimeSpan.TicksPerDay * 7),
                (false, 'D') => (1, TimeSpan.TicksPerDay),
                (true, 'H') => (2, TimeSpan.TicksPerHour),
                (true, 'M') => (3, TimeSpan.TicksPerMinute),
                (true, 'S') => (4, TimeSpan.TicksPerSecond),
                _ => (-1, 0L),
            };

            if (rank < 0)
            {
                return (inTimePart, designator) switch
                {
                    (false, 'Y' or 'M') => $"'{text}' uses years or months, which have no fixed length; give days instead (P30D).",
                    (false, 'H' or 'S') => $"'{text}' needs a T before hours, minutes and seconds (PT{numberText}{designator}).",
                    _ => $"'{designator}' in '{text}' is not a duration unit here; use W or D before T and H, M or S after it.",
                };
            }

            if (rank <= lastRank)
            {
                return $"'{text}' repeats a unit or has units out of order (W, D, then T with H, M, S).";
            }

            lastRank = rank;
            timeComponents += inTimePart ? 1 : 0;
            totalTicks += number * ticksPerUnit;
        }

        if (lastRank < 0)
        {
            return $"'{text}' has no amount; write it like PT9H, P1D or P1DT2H.";
        }

        if (inTimePart && timeComponents == 0)
        {
            return $"'{text}' has a T without hours, minutes or seconds after it.";
        }

        if (totalTicks > TimeSpan.MaxValue.Ticks)
        {
            return $"'{text}' is too long.";
        }

        var ticks = (long)Math.Round(totalTicks, MidpointRounding.AwayFromZero);
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return null;
    }
}
