using System.Globalization;
using System.Text;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>Walks two configuration trees side by side and lists what differs, by key path.</summary>
/// <remarks>
/// Lists are compared position by position, as the rollout tooling applies them; an item inserted at
/// the front therefore shows as every later position changing, which is also what will happen.
/// Recursion is safe: the reader caps nesting at <see cref="YamlConfigValidator.MaxDepth"/>.
/// </remarks>
internal static class StructuralComparison
{
    private static readonly ConfigMapping NoEntries = new([], expandedSize: 1, nesting: 1);

    public static List<ConfigKeyChange> Compare(ConfigNode? oldRoot, ConfigNode? newRoot)
    {
        // An empty document compares like an empty map, so a configuration written from nothing lists
        // its top-level keys as added rather than reporting one opaque change to the whole document.
        oldRoot ??= newRoot is ConfigMapping ? NoEntries : null;
        newRoot ??= oldRoot is ConfigMapping ? NoEntries : null;

        var changes = new List<ConfigKeyChange>();
        Compare("", oldRoot, newRoot, changes);
        return changes;
    }

    private static void Compare(string path, ConfigNode? oldNode, ConfigNode? newNode, List<ConfigKeyChange> changes)
    {
        if (ReferenceEquals(oldNode, newNode))
        {
            return;
        }

        switch (oldNode, newNode)
        {
            case (null, { } added):
                changes.Add(new(path, ConfigKeyChangeKind.Added, null, added.ToFlowText()));
                break;

            case ({ } removed, null):
                changes.Add(new(path, ConfigKeyChangeKind.Removed, removed.ToFlowText(), null));
                break;

            case (ConfigMapping oldMap, ConfigMapping newMap):
                foreach (var (key, oldValue) in oldMap.Entries)
                {
                    Compare(KeyPath(path, key), oldValue, newMap.Find(key), changes);
                }

                foreach (var (key, newValue) in newMap.Entries)
                {
                    if (oldMap.Find(key) is null)
                    {
                        changes.Add(new(KeyPath(path, key), ConfigKeyChangeKind.Added, null, newValue.ToFlowText()));
                    }
                }

                break;

            case (ConfigSequence oldList, ConfigSequence newList):
                for (var i = 0; i < Math.Max(oldList.Items.Count, newList.Items.Count); i++)
                {
                    Compare(
                        string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"),
                        i < oldList.Items.Count ? oldList.Items[i] : null,
                        i < newList.Items.Count ? newList.Items[i] : null,
                        changes);
                }

                break;

            case (ConfigScalar oldScalar, ConfigScalar newScalar) when oldScalar.IsEquivalentTo(newScalar):
                break;

            case ({ } before, { } after):
                changes.Add(new(path, ConfigKeyChangeKind.Changed, before.ToFlowText(), after.ToFlowText()));
                break;
        }
    }

    private static string KeyPath(string parent, string key)
    {
        if (ConfigNode.IsPlainKey(key))
        {
            return parent.Length == 0 ? key : $"{parent}.{key}";
        }

        var quoted = new StringBuilder(parent).Append('[');
        ConfigNode.WriteQuoted(quoted, key);
        return quoted.Append(']').ToString();
    }
}
