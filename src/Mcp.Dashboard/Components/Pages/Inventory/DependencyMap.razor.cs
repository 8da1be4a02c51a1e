using System.Globalization;
using Mcp.Dashboard.Domain.Inventory;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Pages.Inventory;

/// <summary>
/// Draws an environment's services in three tier columns (Edge, Management, Core) with an arrow
/// from each service to every service it depends on. Pure SVG from Razor: no script library.
/// </summary>
public partial class DependencyMap
{
    internal const int NodeWidth = 180;
    internal const int NodeHeight = 46;
    private const int ColumnGap = 110;
    private const int Margin = 24;
    private const int Top = 52;
    private const int RowGap = 18;

    private readonly string _id = "map-" + Guid.NewGuid().ToString("N")[..8];
    private List<Node> _nodes = [];
    private List<Edge> _edges = [];
    private string? _active;
    private int _laneY;

    /// <summary>The services to draw; dependencies on names not in this list are left out.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PlatformService> Services { get; set; } = [];

    /// <summary>The environment's name, for the map's accessible title.</summary>
    [Parameter]
    public string EnvironmentName { get; set; } = "";

    private int Width => (2 * Margin) + (3 * NodeWidth) + (2 * ColumnGap) + 40;

    private int Height { get; set; } = 200;

    protected override void OnParametersSet()
    {
        _nodes = [];
        var rows = Math.Max(1, Services.GroupBy(s => s.Tier).Select(g => g.Count()).DefaultIfEmpty(0).Max());
        foreach (var column in Services.GroupBy(s => s.Tier))
        {
            var row = 0;
            foreach (var service in column.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                _nodes.Add(new Node(service, ColumnX(service.Tier), Top + (row * (NodeHeight + RowGap))));
                row++;
            }
        }

        // Arrows that skip the middle column run along a lane under it, so they never pass behind
        // a middle node and look like that node's dependency.
        _laneY = Top + (rows * (NodeHeight + RowGap)) + 6;
        Height = _laneY + 24;
        var byName = _nodes.ToDictionary(n => n.Service.Name, StringComparer.OrdinalIgnoreCase);
        _edges = [];
        foreach (var node in _nodes)
        {
            foreach (var dependency in node.Service.DependsOn.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (byName.TryGetValue(dependency, out var target) && target != node)
                {
                    _edges.Add(new Edge(node.Service.Name, target.Service.Name, PathBetween(node, target)));
                }
            }
        }

        if (_active is not null && !byName.ContainsKey(_active))
        {
            _active = null;
        }
    }

    internal static int ColumnX(NodeTier tier) => Margin + ((int)tier * (NodeWidth + ColumnGap));

    private string PathBetween(Node from, Node to)
    {
        var fromY = from.Y + (NodeHeight / 2);
        var toY = to.Y + (NodeHeight / 2);
        if (Math.Abs(from.Service.Tier - to.Service.Tier) == 2)
        {
            var leftwards = to.Service.Tier < from.Service.Tier;
            var startX = leftwards ? from.X : from.X + NodeWidth;
            var endX = leftwards ? to.X + NodeWidth + 2 : to.X - 2;
            var laneX = ColumnX(NodeTier.Management) + (NodeWidth / 2);
            var sign = leftwards ? -1 : 1;
            return string.Create(CultureInfo.InvariantCulture,
                $"M {startX} {fromY} C {startX + (sign * 50)} {fromY}, {laneX - (sign * 140)} {_laneY}, {laneX} {_laneY} S {endX - (sign * 50)} {toY}, {endX} {toY}");
        }

        double x1, x2, c1, c2;
        if (from.Service.Tier == to.Service.Tier)
        {
            // Same column: leave and re-enter on the right, bulging outwards so the arrow stays readable.
            x1 = from.X + NodeWidth;
            x2 = to.X + NodeWidth + 2;
            var bulge = 40 + (Math.Abs(fromY - toY) / 6.0);
            c1 = x1 + bulge;
            c2 = x2 + bulge;
        }
        else if (to.Service.Tier < from.Service.Tier)
        {
            x1 = from.X;
            x2 = to.X + NodeWidth + 2;
            var pull = (x1 - x2) / 2;
            c1 = x1 - pull;
            c2 = x2 + pull;
        }
        else
        {
            x1 = from.X + NodeWidth;
            x2 = to.X - 2;
            var pull = (x2 - x1) / 2;
            c1 = x1 + pull;
            c2 = x2 - pull;
        }

        return string.Create(CultureInfo.InvariantCulture, $"M {x1} {fromY} C {c1} {fromY}, {c2} {toY}, {x2} {toY}");
    }

    private string NodeState(string name)
    {
        if (_active is null)
        {
            return "";
        }

        if (string.Equals(name, _active, StringComparison.OrdinalIgnoreCase))
        {
            return "active";
        }

        return _edges.Any(e => e.From == _active && string.Equals(e.To, name, StringComparison.OrdinalIgnoreCase)) ? "dependency" : "dim";
    }

    private string Describe(PlatformService service) =>
        service.DependsOn.Count == 0
            ? L["{0}, {1} tier, version {2}, depends on nothing", service.Name, Mcp.Dashboard.Components.Plans.PlanDisplay.TierText(service.Tier), service.Version]
            : L["{0}, {1} tier, version {2}, depends on {3}", service.Name, Mcp.Dashboard.Components.Plans.PlanDisplay.TierText(service.Tier), service.Version, string.Join(", ", service.DependsOn)];

    private static string Shorten(string name) => name.Length <= 22 ? name : name[..21] + "…";

    private void Activate(string name) => _active = name;

    private void Deactivate() => _active = null;

    private sealed record Node(PlatformService Service, int X, int Y);

    private sealed record Edge(string From, string To, string Path);
}
