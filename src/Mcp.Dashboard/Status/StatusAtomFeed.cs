using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Mcp.Dashboard.Domain.Status;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Status;

/// <summary>
/// /status/feed.atom (RFC 4287, written by System.ServiceModel.Syndication): the public timeline
/// of every migration, newest first, at most <see cref="MaxEntries"/> entries of the last 30
/// days. Entry ids are stable URNs so feed readers never show an entry twice.
/// </summary>
public static class StatusAtomFeed
{
    public const int MaxEntries = 100;
    public const string FeedId = "urn:mcp-dashboard:status";

    public static byte[] Write(StatusSnapshot snapshot, Uri baseUri, CultureInfo culture, IStringLocalizer<StatusText> text)
    {
        // The localizer reads the current UI culture; the feed is answered in the request's.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var page = new Uri(baseUri, "/status");
            var entries = snapshot.Entries.Take(MaxEntries).ToList();
            var updated = entries.Count > 0 ? entries[0].Entry.At : snapshot.LastUpdate ?? DateTimeOffset.UnixEpoch;
            var feed = new SyndicationFeed(text["Service status: planned maintenance and upgrades"], text["What is changing, when, and how it is going."], page, FeedId, updated)
            {
                Language = culture.Name,
                Generator = "Mcp.Dashboard",
            };
            feed.Authors.Add(new SyndicationPerson { Name = "Mcp.Dashboard" });
            feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(baseUri, "/status/feed.atom"), "application/atom+xml"));
            feed.Items = entries.Select(x => Item(x.Migration, x.Entry, page, text)).ToList();

            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }

            return stream.ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static SyndicationItem Item(MigrationCard migration, TimelineEntry entry, Uri page, IStringLocalizer<StatusText> text)
    {
        var what = entry.Kind == TimelineKind.Note ? text["Update from the team"].Value : StatusText.Say(text, entry.Phrase!);
        var item = new SyndicationItem($"{migration.Name}: {what}", (SyndicationContent?)null, new Uri(page, "#" + migration.Anchor), entry.Id, entry.At)
        {
            PublishDate = entry.At,
        };

        // Plain text content (type="text"): the writer escapes it, so nothing typed becomes markup.
        var summary = new StringBuilder();
        if (entry.NoteText is { } note)
        {
            summary.AppendLine(note);
        }

        summary.Append(text["{0} in {1}: {2} to {3}.", string.Join(", ", migration.Services), migration.Environment, migration.FromVersion, migration.ToVersion]);
        if (migration.WindowStart is { } start && migration.WindowEnd is { } end)
        {
            summary.Append(' ').Append(text["Window: {0} to {1}.", StatusText.Utc(start), StatusText.Utc(end)]);
        }

        item.Summary = new TextSyndicationContent(summary.ToString(), TextSyndicationContentKind.Plaintext);
        item.Categories.Add(new SyndicationCategory(entry.Kind.ToString()));
        return item;
    }
}
