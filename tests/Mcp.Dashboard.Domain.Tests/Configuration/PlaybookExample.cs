namespace Mcp.Dashboard.Domain.Tests.Configuration;

/// <summary>The logging change from the migration playbook: format text -> json, plus a file output.</summary>
internal static class PlaybookExample
{
    public const string OldYaml = """
        logging:
          level: info
          format: text

        """;

    public const string NewYaml = """
        logging:
          level: info
          format: json
          outputs:
            - type: file
              path: /var/log/mcp/app.log

        """;
}
