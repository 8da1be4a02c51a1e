namespace Mcp.Dashboard.Domain.Communication;

/// <summary>The language a communication entry writes in; its default templates follow it.</summary>
public enum MessageLanguage
{
    English,
    ChineseSimplified,
}
