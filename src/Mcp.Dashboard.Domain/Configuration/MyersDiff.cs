namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// Myers' O((N+M)·D) difference algorithm in linear space (the "middle snake" bisection, after the
/// diff-match-patch implementation), over sequences of integers that stand for interned lines.
/// </summary>
/// <remarks>
/// It finds a shortest edit script, i.e. keeps a longest common subsequence, and reports it by
/// marking the elements outside it. Recursion halves the edit distance each time, so its depth is
/// logarithmic, and only two vectors of about N+M integers are allocated per split.
/// </remarks>
internal static class MyersDiff
{
    /// <param name="left">The old sequence.</param>
    /// <param name="right">The new sequence.</param>
    /// <param name="workBudget">
    /// How many search steps to spend. Myers' running time grows with length × differences, so two
    /// large, mostly different inputs could take seconds; once the budget is spent, whatever is still
    /// undecided is marked as replaced wholesale. The result is then still a correct diff, just not a minimal one.
    /// </param>
    /// <returns>Which elements of <paramref name="left"/> are removed and which of <paramref name="right"/> are added.</returns>
    public static (bool[] Removed, bool[] Added) Compute(int[] left, int[] right, long workBudget = long.MaxValue)
    {
        var removed = new bool[left.Length];
        var added = new bool[right.Length];
        Diff(new Window(left, 0, left.Length), new Window(right, 0, right.Length), removed, added, ref workBudget);
        return (removed, added);
    }

    private static void Diff(Window left, Window right, bool[] removed, bool[] added, ref long workBudget)
    {
        (left, right) = Trim(left, right);
        if (left.Length == 0 || right.Length == 0)
        {
            Replace(left, right, removed, added);
            return;
        }

        (var bisection, workBudget) = Bisect(left, right, workBudget);
        if (bisection is not { } split)
        {
            Replace(left, right, removed, added);
            return;
        }

        Diff(left.Slice(0, split.X), right.Slice(0, split.Y), removed, added, ref workBudget);
        Diff(left.Slice(split.X, left.Length), right.Slice(split.Y, right.Length), removed, added, ref workBudget);
    }

    /// <summary>
    /// Runs the forward and reverse searches towards each other until their paths overlap, and returns
    /// the overlap point (relative to the windows' starts), which splits the problem in two halves.
    /// The split is null when the windows have nothing in common or the work budget runs out.
    /// </summary>
    private static ((int X, int Y)? Split, long RemainingBudget) Bisect(Window left, Window right, long budget)
    {
        var n = left.Length;
        var m = right.Length;
        var maxD = (n + m + 1) / 2;
        var offset = maxD;

        // Two slots of slack: the first step reads diagonal +1, which 2·maxD slots lack when both sides are one element.
        var length = (2 * maxD) + 2;
        var forward = new int[length];
        var reverse = new int[length];
        Array.Fill(forward, -1);
        Array.Fill(reverse, -1);
        forward[offset + 1] = 0;
        reverse[offset + 1] = 0;

        var delta = n - m;

        // When the difference in length is odd the forward search meets the reverse one, otherwise the reverse meets the forward.
        var forwardDetectsOverlap = delta % 2 != 0;

        // Diagonals that have run off the grid are skipped from then on.
        int forwardStart = 0, forwardEnd = 0, reverseStart = 0, reverseEnd = 0;

        for (var d = 0; d < maxD; d++)
        {
            for (var k = -d + forwardStart; k <= d - forwardEnd; k += 2)
            {
                var index = offset + k;
                if (--budget < 0)
                {
                    return (null, budget);
                }

                var x = k == -d || (k != d && forward[index - 1] < forward[index + 1])
                    ? forward[index + 1]
                    : forward[index - 1] + 1;
                var y = x - k;
                while (x < n && y < m && left[x] == right[y])
                {
                    x++;
                    y++;
                    budget--;
                }

                forward[index] = x;
                if (x > n)
                {
                    forwardEnd += 2;
                }
                else if (y > m)
                {
                    forwardStart += 2;
                }
                else if (forwardDetectsOverlap)
                {
                    var reverseIndex = offset + delta - k;
                    if (reverseIndex >= 0 && reverseIndex < length && reverse[reverseIndex] != -1 && x >= n - reverse[reverseIndex])
                    {
                        return ((x, y), budget);
                    }
                }
            }

            for (var k = -d + reverseStart; k <= d - reverseEnd; k += 2)
            {
                var index = offset + k;
                if (--budget < 0)
                {
                    return (null, budget);
                }

                var x = k == -d || (k != d && reverse[index - 1] < reverse[index + 1])
                    ? reverse[index + 1]
                    : reverse[index - 1] + 1;
                var y = x - k;
                while (x < n && y < m && left[n - x - 1] == right[m - y - 1])
                {
                    x++;
                    y++;
                    budget--;
                }

                reverse[index] = x;
                if (x > n)
                {
                    reverseEnd += 2;
                }
                else if (y > m)
                {
                    reverseStart += 2;
                }
                else if (!forwardDetectsOverlap)
                {
                    var forwardIndex = offset + delta - k;
                    if (forwardIndex >= 0 && forwardIndex < length && forward[forwardIndex] != -1)
                    {
                        var forwardX = forward[forwardIndex];
                        var forwardY = offset + forwardX - forwardIndex;
                        if (forwardX >= n - x)
                        {
                            return ((forwardX, forwardY), budget);
                        }
                    }
                }
            }
        }

        return (null, budget);
    }

    /// <summary>Marks everything in the windows as different: removed on the left, added on the right.</summary>
    private static void Replace(Window left, Window right, bool[] removed, bool[] added)
    {
        Array.Fill(removed, true, left.Start, left.Length);
        Array.Fill(added, true, right.Start, right.Length);
    }

    /// <summary>Drops the common prefix and suffix, which the bisection would otherwise walk on every split.</summary>
    private static (Window Left, Window Right) Trim(Window left, Window right)
    {
        var prefix = 0;
        while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < left.Length - prefix && suffix < right.Length - prefix
               && left[left.Length - suffix - 1] == right[right.Length - suffix - 1])
        {
            suffix++;
        }

        return (left.Slice(prefix, left.Length - suffix), right.Slice(prefix, right.Length - suffix));
    }

    /// <summary>A stretch of an array, indexed from its own start.</summary>
    private readonly record struct Window(int[] Items, int Start, int End)
    {
        public int Length => End - Start;

        public int this[int index] => Items[Start + index];

        /// <summary>The part from <paramref name="from"/> up to, not including, <paramref name="to"/>, both relative.</summary>
        public Window Slice(int from, int to) => new(Items, Start + from, Start + to);
    }
}
