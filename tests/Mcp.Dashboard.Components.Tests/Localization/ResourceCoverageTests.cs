using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mcp.Dashboard.Components.Tests.Localization;

/// <summary>
/// Keeps the Chinese honest: every <c>L["English"]</c> in the dashboard's source has a
/// zh-Hans entry in its type's resx, every entry is still used, and placeholders match.
/// A missing entry would show English to a Chinese reader without anyone noticing.
/// </summary>
public sealed partial class ResourceCoverageTests
{
    private static readonly string SourceRoot = Path.Combine(RepositoryRoot(), "src", "Mcp.Dashboard");
    private static readonly Assembly Dashboard = typeof(Mcp.Dashboard.Localization.Vocabulary).Assembly;

    [Fact]
    public void EveryLocalizedKey_HasAChineseEntryInItsResx()
    {
        var checkedKeys = 0;
        var problems = new StringBuilder();
        foreach (var use in KeysInSource())
        {
            var resx = ResxPathOf(use.Type);
            if (resx is null)
            {
                problems.AppendLine($"{use.File}: IStringLocalizer<{use.Type}> names no type in Mcp.Dashboard.");
                continue;
            }

            var entries = ReadResx(resx);
            checkedKeys++;
            if (!entries.TryGetValue(use.Key, out var chinese))
            {
                problems.AppendLine($"{use.File}: key \"{use.Key}\" is missing from {Relative(resx)}.");
            }
            else if (string.IsNullOrWhiteSpace(chinese))
            {
                problems.AppendLine($"{Relative(resx)}: key \"{use.Key}\" has an empty translation.");
            }
            else if (!Placeholders(use.Key).SetEquals(Placeholders(chinese)))
            {
                problems.AppendLine($"{Relative(resx)}: key \"{use.Key}\" and its translation \"{chinese}\" use different placeholders.");
            }
        }

        Assert.True(checkedKeys > 500, $"Only {checkedKeys} keys found: is the scan still reading the source?");
        Assert.True(problems.Length == 0, "Localization gaps:" + Environment.NewLine + problems);
    }

    [Fact]
    public void EveryResxEntry_IsStillUsedBySource()
    {
        var used = KeysInSource()
            .Select(u => (Resx: ResxPathOf(u.Type), u.Key))
            .Where(u => u.Resx is not null)
            .ToHashSet();
        // The domain writes some sentences in English for the web layer to translate (phrase
        // templates); a resx entry that is one of its string literals is in use too.
        var domainPhrases = Directory.EnumerateFiles(Path.Combine(SourceRoot, "..", "Mcp.Dashboard.Domain"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => StringLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups["text"].Value))
            .ToHashSet(StringComparer.Ordinal);
        // A localizer fed computed keys (status phrases built at run time) cannot be checked for
        // orphans here; its owner's tests cover it.
        var computed = ComputedKeyTypes().Select(ResxPathOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(SourceRoot, "Resources"), "*.zh-Hans.resx", SearchOption.AllDirectories).Where(r => !computed.Contains(r)))
        {
            foreach (var key in ReadResx(resx).Keys.Where(key => !used.Contains((resx, key)) && !domainPhrases.Contains(key)))
            {
                problems.AppendLine($"{Relative(resx)}: \"{key}\" is not used by any L[\"...\"] of its type.");
            }
        }

        Assert.True(problems.Length == 0, "Orphaned translations (delete them, or use them):" + Environment.NewLine + problems);
    }

    [Fact]
    public void ResxKeys_AreUniqueIgnoringCase()
    {
        // The resource compiler treats names case-insensitively and drops the second one
        // ("Never" and "never"), leaving one of them untranslated.
        var problems = new StringBuilder();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(SourceRoot, "Resources"), "*.zh-Hans.resx", SearchOption.AllDirectories))
        {
            foreach (var clash in XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                         .GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.AppendLine($"{Relative(resx)}: {string.Join(" / ", clash.Select(k => $"\"{k}\""))} differ only in case.");
            }
        }

        Assert.True(problems.Length == 0, "Keys the resource compiler would merge:" + Environment.NewLine + problems);
    }

    [Fact]
    public void LocalizedKeys_AreLiterals()
    {
        // L[someVariable] or L[$"..."] cannot be checked against the resx, so they are not allowed.
        var problems = new StringBuilder();
        foreach (var file in SourceFiles())
        {
            foreach (Match match in DynamicKey().Matches(File.ReadAllText(file)))
            {
                problems.AppendLine($"{Relative(file)}: {match.Value}… is not a literal key.");
            }
        }

        Assert.True(problems.Length == 0, "Non-literal localizer keys:" + Environment.NewLine + problems);
    }

    private sealed record KeyUse(string File, string Type, string Key);

    private static List<KeyUse> KeysInSource()
    {
        var uses = new List<KeyUse>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            var keys = LiteralKey().Matches(text).Select(m => Regex.Unescape(m.Groups["key"].Value)).ToList();
            if (keys.Count > 0)
            {
                var type = LocalizerType(file, text);
                Assert.True(type is not null, $"{Relative(file)} uses L[\"...\"] but declares no IStringLocalizer<T> (nor does its .razor).");
                uses.AddRange(keys.Select(key => new KeyUse(Relative(file), type!, key)));
            }

            // Localizers under other names, such as a parameter "IStringLocalizer<StatusText> text": text["..."].
            foreach (var declared in NamedLocalizer().Matches(text).Where(m => m.Groups["name"].Value != "L"))
            {
                var name = Regex.Escape(declared.Groups["name"].Value);
                var keyOf = new Regex(@"(?<![\w.])" + name + @"\[""(?<key>(?:[^""\\]|\\.)*)""");
                uses.AddRange(keyOf.Matches(text).Select(m => new KeyUse(Relative(file), declared.Groups["type"].Value, Regex.Unescape(m.Groups["key"].Value))));
            }
        }

        return uses;
    }

    /// <summary>Types whose localizer, under a name other than L, is indexed with something other than a literal.</summary>
    private static HashSet<string> ComputedKeyTypes()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (var declared in NamedLocalizer().Matches(text).Where(m => m.Groups["name"].Value != "L"))
            {
                if (Regex.IsMatch(text, @"(?<![\w.])" + Regex.Escape(declared.Groups["name"].Value) + @"\[(?!"")"))
                {
                    types.Add(declared.Groups["type"].Value);
                }
            }
        }

        return types;
    }

    /// <summary>
    /// The T of the file's IStringLocalizer&lt;T&gt;; a .razor and its code-behind share one,
    /// whichever of the two declares it (@inject or [Inject]).
    /// </summary>
    private static string? LocalizerType(string file, string text)
    {
        var match = LocalizerDeclaration().Match(text);
        if (match.Success)
        {
            return match.Groups["type"].Value;
        }

        var sibling = file.EndsWith(".razor.cs", StringComparison.Ordinal) ? file[..^3]
            : file.EndsWith(".razor", StringComparison.Ordinal) ? file + ".cs"
            : null;
        return sibling is not null && File.Exists(sibling) && LocalizerDeclaration().Match(File.ReadAllText(sibling)) is { Success: true } declared
            ? declared.Groups["type"].Value
            : null;
    }

    /// <summary>Resources/&lt;namespace below Mcp.Dashboard&gt;/&lt;Type&gt;.zh-Hans.resx, as ResourceManagerStringLocalizer reads it.</summary>
    private static string? ResxPathOf(string typeName)
    {
        var types = Dashboard.GetTypes().Where(t => t.Name == typeName && t.FullName!.StartsWith("Mcp.Dashboard.", StringComparison.Ordinal)).ToList();
        if (types.Count != 1)
        {
            return null;
        }

        var relative = types[0].FullName!["Mcp.Dashboard.".Length..].Replace('.', Path.DirectorySeparatorChar);
        return Path.Combine(SourceRoot, "Resources", relative + ".zh-Hans.resx");
    }

    private static Dictionary<string, string> ReadResx(string path) =>
        File.Exists(path)
            ? XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal)
            : [];

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(SourceRoot, path);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcp.Dashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mcp.Dashboard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<![\w.])L\[""(?<key>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"(?<![\w.])L\[(?!"")[^\]]{0,40}")]
    private static partial Regex DynamicKey();

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>")]
    private static partial Regex LocalizerDeclaration();

    [GeneratedRegex(@"IStringLocalizer<(?<type>\w+)>\??\s+(?<name>\w+)")]
    private static partial Regex NamedLocalizer();

    [GeneratedRegex(@"""(?<text>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
