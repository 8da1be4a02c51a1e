using Mcp.Dashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboard();

var app = builder.Build();
app.MapDashboard();
app.Run();

/// <summary>The entry point, visible to the integration tests' host.</summary>
public partial class Program;
