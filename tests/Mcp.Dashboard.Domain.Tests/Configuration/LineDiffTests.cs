using System.Diagnostics;
using Mcp.Dashboard.Domain.Configuration;

namespace Mcp.Dashboard.Domain.Tests.Configuration;

public class LineDiffTests
{
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(30);

    [Fact]
    public void MyersDiff_RandomSequences_KeepsALongestCommonSubsequence()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var left = RandomSequence(random);
            var right = RandomSequence(random);

            var (removed, added) = MyersDiff.Compute(left, right);

            var keptLeft = left.Where((_, i) => !removed[i]).ToArray();
            var keptRight = right.Where((_, i) => !added[i]).ToArray();
            Assert.Equal(keptLeft, keptRight);
            Assert.Equal(LongestCommonSubsequenceLength(left, right), keptLeft.Length);
        }
    }

    [Fact]
    public void MyersDiff_WorkBudgetSpent_ReplacesWhatIsUndecidedButKeepsCommonEnds()
    {
        int[] left = [1, 2, 3, 4, 9];
        int[] right = [1, 3, 2, 5, 9];

        var (removed, added) = MyersDiff.Compute(left, right, workBudget: 0);

        Assert.Equal([false, true, true, true, false], removed);
        Assert.Equal([false, true, true, true, false], added);
    }

    [Fact]
    public void Compute_LargeUnrelatedTexts_PairsEveryLine()
    {
        var before = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"key{i}: old"));
        var after = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"key{i}: new"));

        var rows = LineDiff.Compute(before, after);

        Assert.Equal(5_000, rows.Count);
        Assert.All(rows, r => Assert.Equal(LineChangeKind.Changed, r.Kind));
    }

    [Fact]
    public void Compute_ManyDifferencesBetweenCommonLines_StaysBoundedAndConsistent()
    {
        // Without the work budget this input takes seconds: 10,000 lines a side, differing almost everywhere.
        var random = new Random(1);
        var before = Enumerable.Range(0, 10_000).Select(i => i % 2 == 0 ? "  enabled: true" : $"old{random.Next(1000)}").ToArray();
        var after = Enumerable.Range(0, 10_000).Select(i => i % 3 == 0 ? "  enabled: true" : $"new{random.Next(1000)}").ToArray();

        var stopwatch = Stopwatch.StartNew();
        var rows = LineDiff.Compute(string.Join('\n', before), string.Join('\n', after));

        // A guard against a runaway (a hang or quadratic blow-up), not a performance measure:
        // speed lives in the benchmarks, and a loaded CI machine must not fail this.
        Assert.True(stopwatch.Elapsed < Runaway, $"took {stopwatch.Elapsed}");
        AssertRowsCover(before, after, rows);
    }

    [Fact]
    public void Compute_RandomTexts_RowsShowEveryLineOnceAndInOrder()
    {
        var random = new Random(11);
        string[] vocabulary = ["a: 1", "b: 2", "  - x", "", "c: 3"];
        for (var round = 0; round < 200; round++)
        {
            var before = Enumerable.Range(0, random.Next(12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            var after = Enumerable.Range(0, random.Next(12)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();

            // Every line ends with a break, so a trailing empty line stays a line.
            var rows = LineDiff.Compute(string.Concat(before.Select(l => l + "\n")), string.Concat(after.Select(l => l + "\n")));

            AssertRowsCover(before, after, rows);
        }
    }

    /// <summary>Every old and new line appears exactly once, in order, and unchanged rows really are unchanged.</summary>
    private static void AssertRowsCover(string[] before, string[] after, IReadOnlyList<SideBySideRow> rows)
    {
        Assert.Equal(Enumerable.Range(1, before.Length), rows.Where(r => r.OldLineNumber is not null).Select(r => r.OldLineNumber!.Value));
        Assert.Equal(Enumerable.Range(1, after.Length), rows.Where(r => r.NewLineNumber is not null).Select(r => r.NewLineNumber!.Value));
        var misplaced = rows.Where(r =>
            (r.OldLineNumber is { } oldLine && before[oldLine - 1] != r.OldText)
            || (r.NewLineNumber is { } newLine && after[newLine - 1] != r.NewText)
            || (r.Kind == LineChangeKind.Unchanged && r.OldText != r.NewText));
        Assert.Empty(misplaced);
    }

    private static int[] RandomSequence(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(0, 4))];

    private static int LongestCommonSubsequenceLength(int[] left, int[] right)
    {
        var lengths = new int[left.Length + 1, right.Length + 1];
        for (var i = 1; i <= left.Length; i++)
        {
            for (var j = 1; j <= right.Length; j++)
            {
                lengths[i, j] = left[i - 1] == right[j - 1]
                    ? lengths[i - 1, j - 1] + 1
                    : Math.Max(lengths[i - 1, j], lengths[i, j - 1]);
            }
        }

        return lengths[left.Length, right.Length];
    }
}
