using Screening.Server;

var app = ScreeningServer.Build(args);
app.Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
