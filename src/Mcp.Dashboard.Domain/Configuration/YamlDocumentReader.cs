using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// Reads one YAML configuration document from parser events into <see cref="ConfigNode"/>s, enforcing the
/// limits of <see cref="YamlConfigValidator"/> as it goes. The validator and the structural diff share it,
/// so a document the diff compares is exactly a document the validator accepts.
/// </summary>
/// <remarks>
/// Nothing here recurses over the input: YamlDotNet's parser keeps its own stack, and containers in
/// progress live on <see cref="_open"/>. Anchors are registered only once their node is complete, so an
/// alias cannot refer to a node that contains it and the result is always a finite tree.
/// </remarks>
internal sealed class YamlDocumentReader
{
    private readonly List<YamlValidationError> _errors = [];
    private readonly Stack<OpenContainer> _open = new();
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);
    private ConfigNode? _root;
    private long _expandedNodes;
    private bool _hasAliases;
    private int _documents;

    private YamlDocumentReader()
    {
    }

    public static YamlDocument Read(string? yaml)
    {
        yaml ??= "";
        var size = Encoding.UTF8.GetByteCount(yaml);
        if (size > YamlConfigValidator.MaxSizeBytes)
        {
            var limitKiB = YamlConfigValidator.MaxSizeBytes / 1024;
            var sizeKiB = Math.Ceiling(size / 1024.0).ToString(CultureInfo.InvariantCulture);
            return new YamlDocument(null, IsEmpty: false,
                [new(1, 1, $"The configuration is {sizeKiB} KiB, over the {limitKiB} KiB limit; remove unused sections or split it.")]);
        }

        var reader = new YamlDocumentReader();
        reader.ReadEvents(yaml);

        if (reader._errors.Count > 0)
        {
            return new YamlDocument(null, IsEmpty: false, reader._errors);
        }

        // A blank document, comments only or a bare "---" all parse to nothing or to one empty plain scalar.
        var isEmpty = reader._root is null or ConfigScalar { Kind: ScalarKind.Null, Value: "" };
        return new YamlDocument(isEmpty ? null : reader._root, isEmpty, []);
    }

    private void ReadEvents(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current && !Accept(current))
                {
                    return;
                }
            }
        }
        catch (YamlException exception)
        {
            _errors.Add(At(exception.Start, YamlSyntaxErrorWording.Explain(exception, yaml)));
        }
        catch (Exception exception)
        {
            // The contract is "never throws on any input", and the parser is third-party code whose
            // every failure mode we cannot enumerate; an unreadable document is an error like any other.
            _errors.Add(new(1, 1, $"The configuration could not be read: {exception.Message}"));
        }
    }

    /// <returns>Whether to keep reading; false after an error that makes the rest meaningless.</returns>
    private bool Accept(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case DocumentStart start when ++_documents > 1:
                _errors.Add(At(start.Start, "A configuration is a single YAML document, but a second one starts here."));
                return false;

            case Scalar scalar:
                return Count(1, scalar.Start)
                    && Complete(new ConfigScalar(scalar.Value, CoreSchema.Resolve(scalar)), scalar.Anchor, scalar.Start);

            case SequenceStart or MappingStart:
                return Open((NodeEvent)parsingEvent);

            case SequenceEnd or MappingEnd:
                return Close();

            case AnchorAlias alias:
                return ReadAlias(alias);

            default:
                return true;
        }
    }

    private bool Open(NodeEvent start)
    {
        if (_open.Count + 1 > YamlConfigValidator.MaxDepth)
        {
            _errors.Add(At(start.Start, $"Lists and maps are nested more than {YamlConfigValidator.MaxDepth} levels deep here."));
            return false;
        }

        _open.Push(new OpenContainer(start is MappingStart, start.Anchor, start.Start));
        return Count(1, start.Start);
    }

    private bool Close()
    {
        var container = _open.Pop();
        return Complete(container.Close(), container.Anchor, container.Start);
    }

    private bool ReadAlias(AnchorAlias alias)
    {
        _hasAliases = true;
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            _errors.Add(At(alias.Start, $"The alias '*{alias.Value.Value}' refers to no anchor; define '&{alias.Value.Value}' on a value above it."));

            // Stand in a null so the rest of the document is still checked.
            return AddToParent(new ConfigScalar("", ScalarKind.Null), alias.Start);
        }

        if (_open.Count + target.Nesting > YamlConfigValidator.MaxDepth)
        {
            _errors.Add(At(alias.Start, $"The alias '*{alias.Value.Value}' nests lists and maps more than {YamlConfigValidator.MaxDepth} levels deep."));
            return false;
        }

        return Count(target.ExpandedSize, alias.Start) && AddToParent(target, alias.Start);
    }

    /// <summary>Counts nodes as if aliases were expanded, which is what makes an alias bomb visible.</summary>
    private bool Count(long nodes, Mark at)
    {
        _expandedNodes += nodes;
        if (_expandedNodes <= YamlConfigValidator.MaxNodes)
        {
            return true;
        }

        var limit = YamlConfigValidator.MaxNodes.ToString("N0", CultureInfo.InvariantCulture);
        _errors.Add(At(at, _hasAliases
            ? $"Aliases expand this document past {limit} values, the pattern of a 'billion laughs' attack; write the values out instead of nesting aliases."
            : $"The document holds more than {limit} values, far more than a platform configuration needs."));
        return false;
    }

    private bool Complete(ConfigNode node, AnchorName anchor, Mark at)
    {
        if (!anchor.IsEmpty)
        {
            // YAML lets a later anchor reuse a name; aliases after it refer to the newer node.
            _anchors[anchor.Value] = node;
        }

        return AddToParent(node, at);
    }

    private bool AddToParent(ConfigNode node, Mark at)
    {
        if (_open.Count == 0)
        {
            _root = node;
        }
        else if (_open.Peek().Add(node, at) is { } duplicate)
        {
            _errors.Add(duplicate);
        }

        return true;
    }

    private static YamlValidationError At(Mark mark, string message) =>
        new(ToInt(mark.Line), ToInt(mark.Column), message);

    private static int ToInt(long value) => (int)Math.Clamp(value, 1, int.MaxValue);

    /// <summary>A list or map whose end event has not arrived yet.</summary>
    private sealed class OpenContainer(bool isMapping, AnchorName anchor, Mark start)
    {
        private readonly List<ConfigNode> _items = [];
        private readonly List<KeyValuePair<string, ConfigNode>> _entries = [];
        private readonly Dictionary<string, long> _keyLines = new(StringComparer.Ordinal);
        private string? _pendingKey;
        private long _expandedSize = 1;
        private int _nesting = 1;

        public AnchorName Anchor { get; } = anchor;

        public Mark Start { get; } = start;

        /// <returns>An error when <paramref name="node"/> is a key the map already has.</returns>
        public YamlValidationError? Add(ConfigNode node, Mark at)
        {
            _expandedSize += node.ExpandedSize;
            _nesting = Math.Max(_nesting, node.Nesting + 1);

            if (!isMapping)
            {
                _items.Add(node);
                return null;
            }

            if (_pendingKey is { } key)
            {
                _entries.Add(new(key, node));
                _pendingKey = null;
                return null;
            }

            // Configuration keys are scalars in practice; a list or map used as a key is compared by its text.
            key = node is ConfigScalar scalar ? scalar.Value : node.ToFlowText();
            _pendingKey = key;
            if (_keyLines.TryAdd(key, at.Line))
            {
                return null;
            }

            return At(at, $"The key '{key}' appears twice in the same map; it was first set on line {_keyLines[key]}.");
        }

        public ConfigNode Close() => isMapping
            ? new ConfigMapping(_entries, _expandedSize, _nesting)
            : new ConfigSequence(_items, _expandedSize, _nesting);
    }
}
