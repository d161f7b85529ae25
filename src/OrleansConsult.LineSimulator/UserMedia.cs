using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;

namespace OrleansConsult.LineSimulator;

public sealed record UserMedia(string? Base64, string? ContentType = null, string? FileName = null);
