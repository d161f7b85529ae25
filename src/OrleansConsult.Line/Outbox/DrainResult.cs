using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Outbox;

public sealed record DrainResult(int Delivered, int Rescheduled, int Parked);
