using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansConsult.Line.Quota;

namespace OrleansConsult.Line.RichMenus;

/// <summary>Source-generated JSON for the rich menu and quota calls (kept apart from the message calls).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RichMenuRequest))]
[JsonSerializable(typeof(RichMenuResponse))]
[JsonSerializable(typeof(RichMenuIdBody))]
[JsonSerializable(typeof(RichMenuListBody))]
[JsonSerializable(typeof(RichMenuAliasRequest))]
[JsonSerializable(typeof(RichMenuAliasListBody))]
[JsonSerializable(typeof(MessageQuota))]
[JsonSerializable(typeof(QuotaConsumption))]
public sealed partial class RichMenuJsonContext : JsonSerializerContext;
