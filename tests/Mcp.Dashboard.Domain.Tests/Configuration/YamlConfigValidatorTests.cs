using System.Diagnostics;
using System.Text;
using Mcp.Dashboard.Domain.Configuration;

namespace Mcp.Dashboard.Domain.Tests.Configuration;

public class YamlConfigValidatorTests
{
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(PlaybookExample.OldYaml)]
    [InlineData(PlaybookExample.NewYaml)]
    public void Validate_PlaybookConfiguration_IsValid(string yaml)
    {
        var result = YamlConfigValidator.Validate(yaml);

        Assert.True(result.IsValid);
        Assert.False(result.IsEmpty);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# nothing configured yet\n")]
    [InlineData("---\n")]
    [InlineData(null)]
    public void Validate_EmptyDocument_IsValidAndEmpty(string? yaml)
    {
        var result = YamlConfigValidator.Validate(yaml);

        Assert.True(result.IsValid);
        Assert.True(result.IsEmpty);
    }

    [Fact]
    public void Validate_ExplicitNull_IsNotEmpty()
    {
        Assert.False(YamlConfigValidator.Validate("~").IsEmpty);
    }

    [Fact]
    public void Validate_MisindentedKey_ReportsItsLineAndColumnInPlainWords()
    {
        const string yaml = "logging:\n  level: info\n   format: text\n";

        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Equal("A 'key: value' pair appears where a plain value was expected; check the indentation, or quote the value if it contains ': '.", error.Message);
        Assert.Equal($"Line 3, column 10: {error.Message}", error.ToString());
    }

    [Theory]
    [InlineData("logging:\n  outputs: [file, console\n", 3, "A '[' list is not closed; expected ',' or ']'.")]
    [InlineData("logging: {level: info\n", 2, "A '{' map is not closed; expected ',' or '}'.")]
    [InlineData("logging:\n\tlevel: info\n", 1, "Tabs can't indent YAML; use spaces instead.")]
    [InlineData("logging:\n  format: 'json\n", 2, "A quoted value is never closed; add the missing quote.")]
    [InlineData("owner: @platform-team\n", 1, "'@' can't start a plain value; put the value in quotes.")]
    [InlineData("format: \"json\" # ok\nlevel: \"info\" debug\n", 2, "Expected a 'key: value' line here; check the indentation, or whether text follows a closing quote.")]
    [InlineData("outputs:\n  - file\n  level: info\n", 3, "Expected a '- item' here: list items and keys are mixed at the same indentation.")]
    public void Validate_SyntaxError_ExplainsWhatToFixOnTheRightLine(string yaml, int line, string message)
    {
        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal(line, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_DuplicateKeys_FlagsEachRepeatWithTheLineOfTheFirst()
    {
        const string yaml = """
            logging:
              level: info
              level: debug
            metrics: {}
            logging: {}
            """;

        var errors = YamlConfigValidator.Validate(yaml).Errors;

        Assert.Collection(
            errors,
            e =>
            {
                Assert.Equal((3, 3), (e.Line, e.Column));
                Assert.Equal("The key 'level' appears twice in the same map; it was first set on line 2.", e.Message);
            },
            e =>
            {
                Assert.Equal((5, 1), (e.Line, e.Column));
                Assert.Equal("The key 'logging' appears twice in the same map; it was first set on line 1.", e.Message);
            });
    }

    [Fact]
    public void Validate_SameKeyInDifferentMaps_IsFine()
    {
        const string yaml = "logging:\n  level: info\nmetrics:\n  level: debug\n";

        Assert.True(YamlConfigValidator.Validate(yaml).IsValid);
    }

    [Fact]
    public void Validate_DocumentOverTheSizeLimit_IsRejectedWithTheLimit()
    {
        var yaml = "# padding\n" + new string('#', YamlConfigValidator.MaxSizeBytes);

        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("The configuration is 257 KiB, over the 256 KiB limit; remove unused sections or split it.", error.Message);
    }

    [Fact]
    public void Validate_SizeLimit_CountsUtf8BytesNotCharacters()
    {
        var atLimit = "#" + new string('x', YamlConfigValidator.MaxSizeBytes - 1);
        var overLimitInBytes = "#" + new string('é', YamlConfigValidator.MaxSizeBytes / 2);

        Assert.True(YamlConfigValidator.Validate(atLimit).IsValid);
        Assert.False(YamlConfigValidator.Validate(overLimitInBytes).IsValid);
    }

    [Fact]
    public void Validate_BillionLaughs_IsRejectedWithoutExpandingTheAliases()
    {
        var yaml = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var alias = $"*lol{level - 1}";
            yaml.Append($"lol{level}: &lol{level} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var result = YamlConfigValidator.Validate(yaml.ToString());

        // A guard against a runaway (a hang or quadratic blow-up), not a performance measure:
        // speed lives in the benchmarks, and a loaded CI machine must not fail this.
        Assert.True(stopwatch.Elapsed < Runaway, $"took {stopwatch.Elapsed}");
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line); // lol5 alone stands for over half a million values
        Assert.Equal(
            "Aliases expand this document past 100,000 values, the pattern of a 'billion laughs' attack; write the values out instead of nesting aliases.",
            error.Message);
    }

    [Fact]
    public void Validate_TooManyValuesWithoutAliases_IsRejectedAsOversized()
    {
        var yaml = "[" + string.Concat(Enumerable.Repeat("1,", YamlConfigValidator.MaxNodes)) + "]";

        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal("The document holds more than 100,000 values, far more than a platform configuration needs.", error.Message);
    }

    [Fact]
    public void Validate_OrdinaryAnchorsAndAliases_AreFine()
    {
        const string yaml = """
            defaults: &defaults
              level: info
              format: json
            services:
              api: *defaults
              worker: *defaults
            """;

        Assert.True(YamlConfigValidator.Validate(yaml).IsValid);
    }

    [Fact]
    public void Validate_AliasToUndefinedAnchor_IsAnError()
    {
        var error = Assert.Single(YamlConfigValidator.Validate("logging: *defaults\n").Errors);

        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Equal("The alias '*defaults' refers to no anchor; define '&defaults' on a value above it.", error.Message);
    }

    [Fact]
    public void Validate_NestingAtTheLimit_IsFine()
    {
        var depth = YamlConfigValidator.MaxDepth;
        var yaml = new string('[', depth) + "1" + new string(']', depth);

        Assert.True(YamlConfigValidator.Validate(yaml).IsValid);
    }

    [Theory]
    [InlineData(YamlConfigValidator.MaxDepth + 1)]
    [InlineData(100_000)]
    public void Validate_NestingPastTheLimit_IsRejectedWithoutCrashing(int depth)
    {
        var yaml = new string('[', depth) + new string(']', depth);

        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal("Lists and maps are nested more than 64 levels deep here.", error.Message);
        Assert.Equal((1, YamlConfigValidator.MaxDepth + 1), (error.Line, error.Column));
    }

    [Fact]
    public void Validate_AliasThatNestsPastTheLimit_IsRejected()
    {
        var deep = new string('[', 40) + "1" + new string(']', 40);
        var yaml = $"a: &deep {deep}\nb: {new string('[', 30)}*deep{new string(']', 30)}\n";

        var error = Assert.Single(YamlConfigValidator.Validate(yaml).Errors);

        Assert.Equal("The alias '*deep' nests lists and maps more than 64 levels deep.", error.Message);
    }

    [Fact]
    public void Validate_SecondDocument_IsAnError()
    {
        var error = Assert.Single(YamlConfigValidator.Validate("logging: {}\n---\nmetrics: {}\n").Errors);

        Assert.Equal(2, error.Line);
        Assert.Equal("A configuration is a single YAML document, but a second one starts here.", error.Message);
    }

    [Fact]
    public void Validate_UnicodeKeysAndValues_AreValid()
    {
        const string yaml = "ログ:\n  形式: \"json ✓\"\n  emoji: 🚀\n  \"clé\": café\n";

        Assert.True(YamlConfigValidator.Validate(yaml).IsValid);
    }

    [Fact]
    public void Validate_MangledInput_NeverThrowsAndAlwaysPositionsErrors()
    {
        // Seeded, so a failure reproduces; the alphabet leans on characters that mean something to YAML.
        var random = new Random(20_240_601);
        const string alphabet = ":-[]{},&*!|>'\"#%@`?\t\n \r\0\u00e9\u65e5\ud83d\ude80\ud800x1";
        for (var round = 0; round < 500; round++)
        {
            var text = new StringBuilder(PlaybookExample.NewYaml);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(text.Length + 1);
                if (random.Next(3) == 0 && at < text.Length)
                {
                    text.Remove(at, 1);
                }
                else
                {
                    text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                }
            }

            var result = YamlConfigValidator.Validate(text.ToString());

            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0));
        }
    }
}
