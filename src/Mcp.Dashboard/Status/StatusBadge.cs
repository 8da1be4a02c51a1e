using System.Globalization;
using System.Text;
using System.Xml;
using Mcp.Dashboard.Domain.Status;

namespace Mcp.Dashboard.Status;

/// <summary>
/// /status/badge.svg: a shields-style badge ("migrations | all operational") for READMEs and
/// wikis. Written with an XmlWriter so every text is escaped; English only, like other badges.
/// It names no plan, so nothing a user typed ever appears in it.
/// </summary>
public static class StatusBadge
{
    private const string Label = "migrations";

    public static (string Message, string Colour) Describe(StatusSnapshot snapshot)
    {
        var now = snapshot.Now.Count();
        return snapshot.Overall switch
        {
            ComponentState.Degraded => ("degraded", "#b42318"),
            ComponentState.RolledBack => ("rolled back", "#6941c6"),
            _ when now > 0 => (now == 1 ? "1 in progress" : $"{now} in progress", "#0b5cad"),
            ComponentState.UnderMaintenance => ("under maintenance", "#0b5cad"),
            _ => ("all operational", "#1a7f37"),
        };
    }

    public static byte[] Write(StatusSnapshot snapshot)
    {
        var (message, colour) = Describe(snapshot);
        var labelWidth = Width(Label);
        var messageWidth = Width(message);
        var total = labelWidth + messageWidth;
        string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            const string ns = "http://www.w3.org/2000/svg";
            xml.WriteStartElement("svg", ns);
            xml.WriteAttributeString("width", N(total));
            xml.WriteAttributeString("height", "20");
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-label", $"{Label}: {message}");
            xml.WriteElementString("title", ns, $"{Label}: {message}");
            Rect(xml, ns, 0, labelWidth, "#555");
            Rect(xml, ns, labelWidth, messageWidth, colour);
            xml.WriteStartElement("g", ns);
            xml.WriteAttributeString("fill", "#fff");
            xml.WriteAttributeString("text-anchor", "middle");
            xml.WriteAttributeString("font-family", "Verdana,Geneva,DejaVu Sans,sans-serif");
            xml.WriteAttributeString("font-size", "11");
            Text(xml, ns, labelWidth / 2, Label, N);
            Text(xml, ns, labelWidth + (messageWidth / 2), message, N);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return stream.ToArray();
    }

    // Verdana 11 px averages about 7 px per character; 10 px of padding each side.
    private static double Width(string text) => (text.Length * 7) + 20;

    private static void Rect(XmlWriter xml, string ns, double x, double width, string fill)
    {
        xml.WriteStartElement("rect", ns);
        xml.WriteAttributeString("x", x.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("height", "20");
        xml.WriteAttributeString("fill", fill);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string ns, double x, string value, Func<double, string> n)
    {
        xml.WriteStartElement("text", ns);
        xml.WriteAttributeString("x", n(x));
        xml.WriteAttributeString("y", "14");
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
