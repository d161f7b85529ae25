using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.LineSimulator;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(SimulatorStats))]
[JsonSerializable(typeof(IReadOnlyList<Delivery>))]
[JsonSerializable(typeof(IReadOnlyList<ChannelView>))]
[JsonSerializable(typeof(UserText))]
[JsonSerializable(typeof(UserPostback))]
[JsonSerializable(typeof(UserMedia))]
[JsonSerializable(typeof(ChatSignals))]
[JsonSerializable(typeof(OutageRequest))]
[JsonSerializable(typeof(WebhookAnswer))]
[JsonSerializable(typeof(RichMenuView))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
